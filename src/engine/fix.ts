// Applying fixes: safe edits only, sorted, overlapping ones skipped, re-linted and repeated up
// to a bounded number of passes (ESLint's source-code fixer does the same).
import type { Edit, Finding } from './types.js';

export const MAX_FIX_PASSES = 10;

export interface AppliedFix {
  ruleId: string;
  description: string;
  line: number;
}

/** Applies the safe fixes of the findings to text. A fix whose edits overlap an edit already
 *  taken is skipped whole (the next pass re-lints and may apply it then). */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: AppliedFix[] } {
  return applyFixes(text, findings, { suggestions: false });
}

/** As applySafeFixes; with suggestions: true the suggested (unsafe) fixes are applied too, which
 *  only the rule tester does, to check that a suggestion's result lints clean. */
export function applyFixes(text: string, findings: readonly Finding[], opts: { suggestions: boolean }): { text: string; applied: AppliedFix[] } {
  const candidates = findings
    .flatMap((f) => (f.fix && (f.fix.safe || opts.suggestions) && f.fix.edits.length > 0 ? [{ f, fix: f.fix }] : []))
    .map(({ f, fix }) => ({ f, fix, edits: [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end) }))
    .sort((a, b) => a.edits[0].start - b.edits[0].start || cmp(a.f.ruleId, b.f.ruleId));
  const taken: Edit[] = [];
  const applied: AppliedFix[] = [];
  for (const { f, fix, edits } of candidates) {
    if (edits.some((e) => e.start < 0 || e.end > text.length || e.end < e.start)) continue;
    if (edits.some((e, i) => i > 0 && e.start < edits[i - 1].end)) continue;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    applied.push({ ruleId: f.ruleId, description: fix.description, line: f.location.startLine });
  }
  taken.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}

function overlaps(a: Edit, b: Edit): boolean {
  // two insertions at the same point conflict too: their order would be arbitrary
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lint, fix, re-lint until nothing more applies or MAX_FIX_PASSES. */
export async function fixUntilStable(
  text: string, lint: (text: string) => Promise<Finding[]>, maxPasses = MAX_FIX_PASSES,
): Promise<{ text: string; applied: AppliedFix[]; passes: number }> {
  let current = text;
  const applied: AppliedFix[] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const findings = await lint(current);
    const step = applySafeFixes(current, findings);
    if (step.applied.length === 0 || step.text === current) break;
    passes++;
    applied.push(...step.applied);
    current = step.text;
  }
  return { text: current, applied, passes };
}

/** A unified diff (`diff -u` style, 3 lines of context) of two texts, '' when they are equal.
 *  Fixes touch few lines: the common head and tail are cut first, and the changed middle is
 *  compared line by line by LCS only while it is small (up to 1,000 lines each side); a larger
 *  middle is shown as one replaced block, which is still a correct patch. Line endings are part
 *  of the lines compared, so a CRLF file diffs as CRLF. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  // ops over the whole texts: ' ' kept, '-' removed, '+' added
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  for (let i = 0; i < head; i++) ops.push({ op: ' ', line: a[i] });
  if (am.length <= 1000 && bm.length <= 1000) ops.push(...lcsOps(am, bm));
  else ops.push(...am.map((line) => ({ op: '-' as const, line })), ...bm.map((line) => ({ op: '+' as const, line })));
  for (let i = a.length - tail; i < a.length; i++) ops.push({ op: ' ', line: a[i] });

  const out = [`--- ${oldName}\n`, `+++ ${newName}\n`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].op === ' ') i++;
    if (i >= ops.length) break;
    // a hunk: from `context` lines before this change to `context` after the last change
    // that is at most 2*context kept lines away
    const start = Math.max(0, i - context);
    let end = i;
    let kept = 0;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].op === ' ') { kept++; if (kept > 2 * context) break; }
      else { kept = 0; end = j; }
    }
    const stop = Math.min(ops.length, end + 1 + context);
    let oldStart = 1, newStart = 1;
    for (let j = 0; j < start; j++) { if (ops[j].op !== '+') oldStart++; if (ops[j].op !== '-') newStart++; }
    const body = ops.slice(start, stop);
    const oldLen = body.filter((o) => o.op !== '+').length;
    const newLen = body.filter((o) => o.op !== '-').length;
    out.push(`@@ -${range(oldLen ? oldStart : oldStart - 1, oldLen)} +${range(newLen ? newStart : newStart - 1, newLen)} @@\n`);
    for (const o of body) {
      const nl = o.line.endsWith('\n');
      out.push(o.op + (nl ? o.line : `${o.line}\n\\ No newline at end of file\n`));
    }
    i = stop;
  }
  return out.join('');
}

function range(start: number, len: number): string {
  return len === 1 ? String(start) : `${start},${len}`;
}

/** Lines with their line ends kept (the last one may have none). */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

function lcsOps(a: string[], b: string[]): { op: ' ' | '-' | '+'; line: string }[] {
  const n = a.length, m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ op: ' ', line: a[i] }); i++; j++; }
    else if (i < n && (j >= m || len[i + 1][j] >= len[i][j + 1])) { ops.push({ op: '-', line: a[i] }); i++; }
    else { ops.push({ op: '+', line: b[j] }); j++; }
  }
  return ops;
}
