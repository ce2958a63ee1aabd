// The RUN splitter against mvdan-sh (the GopherJS build of mvdan/sh, a full bash parser) on every
// shell-form RUN body of the real-world corpus, and on every RUN heredoc body that is the script
// (`RUN <<EOF` with no command of its own).
//
// What is compared, for every body mvdan-sh parses without error:
//  - the list of simple commands, in mvdan-sh's Walk order (pre-order = source order): each
//    CallExpr, each DeclClause (export/local/declare/readonly/typeset, as argv [variant, ...args])
//    and each LetClause (name only: its operands are arithmetic, not words);
//  - per command, the number of argv words and of leading assignments;
//  - the value of every word that mvdan-sh parses as plain literal text: Lit, '…' and "…" holding
//    only Lit parts, with quotes and backslash escapes resolved. Words holding an expansion
//    ($VAR, ${…}, $(…), `…`, $((…)), $'…', process substitution, ext glob) are compared by
//    position only, since their value is decided at run time.
// The splitter runs with unwrapping off (sudo/env/sh -c unwrapping is our own layer, tested in
// shell.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { parseDockerfile } from '../src/targets/dockerfile/parse.js';
import { parseShell } from '../src/targets/dockerfile/shell.js';
import type { WordSpan } from '../src/targets/dockerfile/model.js';
import { corpusDockerfiles } from './corpus.js';

const require = createRequire(import.meta.url);
// the parts of mvdan-sh's syntax tree read here (its Go names)
interface ShPos { Offset(): number }
interface ShNode { Pos(): ShPos; End(): ShPos }
interface ShLit extends ShNode { Value: string }
interface ShWordPart extends ShNode { Value: string; Dollar?: boolean; Parts: ShWordPart[] }
interface ShWord extends ShNode { Parts: ShWordPart[] }
interface ShAssign extends ShNode { Array: unknown; Index: unknown; Naked: boolean; Append: boolean; Name: ShLit | null; Value: ShWord | null }
interface ShCallExpr extends ShNode { Args: ShWord[]; Assigns: ShAssign[] }
interface ShDeclClause extends ShNode { Variant: ShLit; Args: ShAssign[] }
interface ShSyntax {
  NodeType(n: unknown): string;
  NewParser(): { Parse(src: string, name: string): unknown };
  Walk(file: unknown, visit: (n: unknown) => boolean): void;
}
const sh = require('mvdan-sh') as { syntax: ShSyntax };
const S = sh.syntax;

interface Expected { argv: (string | null)[]; assigns: (string | null)[]; spans?: [number, number][]; loose?: boolean }

function unescapeLit(v: string, inDouble: boolean): string {
  let o = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\' && i + 1 < v.length) {
      const n = v[i + 1];
      if (n === '\n') { i++; continue; }
      if (!inDouble || '$`"\\'.includes(n)) { o += n; i++; continue; }
    }
    o += c;
  }
  return o;
}

/** The literal value of a word, or null when it holds an expansion. */
function wordValue(w: ShWord | null): string | null {
  if (!w) return '';
  let o = '';
  for (const p of w.Parts) {
    const t = S.NodeType(p);
    if (t === 'Lit') o += unescapeLit(p.Value, false);
    else if (t === 'SglQuoted' && !p.Dollar) o += p.Value;
    else if (t === 'DblQuoted' && !p.Dollar) {
      for (const q of p.Parts) {
        if (S.NodeType(q) !== 'Lit') return null;
        o += unescapeLit(q.Value, true);
      }
    } else return null;
  }
  return o;
}

function assignValue(a: ShAssign): string | null {
  if (a.Array || a.Index) return null;
  if (a.Naked) return a.Name ? a.Name.Value : wordValue(a.Value);
  const v = wordValue(a.Value);
  return v === null ? null : `${a.Name?.Value ?? ''}${a.Append ? '+=' : '='}${v}`;
}

function mvdanCommands(src: string): Expected[] | null {
  let file: unknown;
  try {
    file = S.NewParser().Parse(src, '');
  } catch {
    return null;
  }
  const out: Expected[] = [];
  S.Walk(file, (n) => {
    const t = S.NodeType(n);
    if (t === 'CallExpr') {
      const c = n as ShCallExpr; // NodeType says so
      out.push({ argv: c.Args.map(wordValue), assigns: c.Assigns.map(assignValue), spans: c.Args.map((a): [number, number] => [a.Pos().Offset(), a.End().Offset()]) });
    }
    else if (t === 'DeclClause') {
      const d = n as ShDeclClause; // NodeType says so
      out.push({ argv: [d.Variant.Value, ...d.Args.map(assignValue)], assigns: [] });
    }
    else if (t === 'LetClause') out.push({ argv: ['let'], assigns: [], loose: true });
    return true;
  });
  return out;
}

describe('RUN splitter equals mvdan-sh on the corpus', () => {
  it('yields the same simple commands and literal words for every body mvdan-sh parses', (t) => {
    const bodies: { where: string; body: string }[] = [];
    let heredocBodies = 0;
    for (const f of corpusDockerfiles()) {
      const m = parseDockerfile(f.text, { path: f.name });
      for (const i of m.instructions) {
        if (i.keyword !== 'RUN' || i.json !== null) continue;
        if (i.heredocs.length === 0) bodies.push({ where: `${f.name}:${i.range.start.line}`, body: i.args });
        else if (parseShell(i.args, 1, { unwrap: false }).length === 0) {
          // RUN <<EOF: each heredoc body is a script
          for (const h of i.heredocs) { heredocBodies++; bodies.push({ where: `${f.name}:${h.bodyStartLine}`, body: h.body }); }
        }
      }
    }
    let parsed = 0;
    let commands = 0;
    let words = 0;
    let literalWords = 0;
    let spans = 0;
    const mismatches: string[] = [];
    for (const { where, body } of bodies) {
      const expected = mvdanCommands(body);
      if (!expected) continue;
      parsed++;
      const got = parseShell(body, 1, { unwrap: false });
      const problems: string[] = [];
      // mvdan-sh counts offsets in UTF-8 bytes: compare word offsets where that is the same
      const ascii = /^\p{ASCII}*$/u.test(body);
      if (got.length !== expected.length) problems.push(`${got.length} commands, mvdan-sh ${expected.length}`);
      for (let k = 0; k < Math.min(got.length, expected.length); k++) {
        const e = expected[k];
        const g = got[k];
        commands++;
        if (e.loose) {
          if (g.argv[0] !== e.argv[0]) problems.push(`command ${k}: ${g.argv[0]} vs ${e.argv[0]}`);
          continue;
        }
        if (g.argv.length !== e.argv.length) problems.push(`command ${k}: argv ${JSON.stringify(g.argv)} vs ${JSON.stringify(e.argv)}`);
        if (g.assignments.length !== e.assigns.length) problems.push(`command ${k}: assignments ${JSON.stringify(g.assignments)} vs ${JSON.stringify(e.assigns)}`);
        e.argv.forEach((w, j) => {
          words++;
          if (w === null) return;
          literalWords++;
          if (g.argv[j] !== w) problems.push(`command ${k} word ${j}: ${JSON.stringify(g.argv[j])} vs ${JSON.stringify(w)}`);
        });
        if (ascii && e.spans && g.argv.length === e.argv.length) {
          e.spans.forEach(([a, b], j) => {
            spans++;
            const sp = g.spans[j];
            if (!sp || sp.start !== a || sp.end !== b) problems.push(`command ${k} word ${j} at ${sp?.start}-${sp?.end}, mvdan-sh ${a}-${b}`);
          });
        }
        e.assigns.forEach((w, j) => {
          words++;
          if (w === null) return;
          literalWords++;
          if (g.assignments[j] !== w) problems.push(`command ${k} assignment ${j}: ${JSON.stringify(g.assignments[j])} vs ${JSON.stringify(w)}`);
        });
      }
      if (problems.length) mismatches.push(`${where}: ${problems.slice(0, 3).join('; ')}`);
    }
    t.diagnostic(`${bodies.length - heredocBodies} shell-form RUN bodies and ${heredocBodies} RUN heredoc scripts; mvdan-sh parses ${parsed}; ${commands} commands, ` +
      `${words} words of which ${literalWords} literal, ${spans} word offsets; ${parsed - mismatches.length}/${parsed} bodies agree`);
    // the corpus is large enough that a silent regression to "nothing parsed" must fail
    assert.ok(bodies.length > 3000, `expected over 3000 RUN bodies, found ${bodies.length}`);
    assert.ok(parsed > 3000, `mvdan-sh parsed only ${parsed} bodies`);
    assert.ok(spans > 10000, `compared only ${spans} word offsets`);
    assert.deepEqual(mismatches, []);
  });
});

describe('word places on the corpus', () => {
  it('every word the parser places is there: its value written at the place, inside the instruction', (t) => {
    let words = 0;
    let placed = 0;
    let verbatim = 0;
    let wrappers = 0;
    const wrong: string[] = [];
    for (const f of corpusDockerfiles()) {
      const m = parseDockerfile(f.text, { path: f.name });
      for (const outer of m.instructions) {
        const i = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
        if (!i || i.keyword !== 'RUN') continue;
        const check = (value: string, sp: WordSpan, what: string) => {
          const inside = sp.start >= outer.range.start.offset && sp.end <= outer.range.end.offset && sp.start < sp.end;
          const at = sp.value === null ? null : m.text.slice(sp.value, sp.value + value.length);
          if (sp.value !== null) verbatim++;
          if (!inside || (at !== null && at !== value)) wrong.push(`${f.name}:${i.range.start.line}: ${what} ${JSON.stringify(value)} at ${JSON.stringify(m.text.slice(sp.start, sp.end))}`);
        };
        for (const c of i.commands) {
          c.argv.forEach((a, k) => {
            words++;
            const sp = c.spans[k];
            if (!sp) return;
            placed++;
            check(a, sp, 'word');
          });
          for (const w of c.wrappers) {
            if (!w.span) continue;
            wrappers++;
            check(w.word, w.span, 'wrapper');
          }
        }
      }
    }
    t.diagnostic(`${placed}/${words} command words placed (${verbatim} written verbatim), ${wrappers} wrapper words`);
    assert.ok(words > 50000, `only ${words} words`);
    assert.deepEqual(wrong.slice(0, 20), []);
  });
});
