#!/usr/bin/env node
// The real-project evaluation set: lint whole public repositories with the built CLI and measure
// how many error-level findings are right, against verdicts classified by hand.
//
//   node bench/real-projects/run.mjs lint     lint every project, write <out>/<project>.json, print counts
//   node bench/real-projects/run.mjs compare  precision per rule against verdicts.json; new findings
//   node bench/real-projects/run.mjs list     every error finding (and warnings of --rules) with its key, TSV
//
// Options / environment:
//   REALPROJECTS=DIR    where the extracted trees are (default /work/realprojects), one folder
//                       <owner>__<name> per line of projects.txt
//   --out DIR           where the per-project JSON goes (default $TMPDIR/tightship-realprojects;
//                       env REALPROJECTS_OUT); never inside the repository
//   --verdicts FILE     default bench/real-projects/verdicts.json
//   --cli FILE          default <repo>/dist/bin/cli.js
//   --only a,b          only these projects (owner/name or owner__name)
//   --rules a,b         (list, compare) also key warning/info findings of these rules
//
// A verdict's key survives reruns: project, rule, file (relative to the project root) and a hash of the
// whitespace-normalised text of the finding's first line (the line number is kept only as a hint),
// so neither the third-party line nor a secret on it is stored here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

function fail(msg) {
  console.error(`run.mjs: ${msg}`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const mode = argv[0] && !argv[0].startsWith('--') ? argv.shift() : 'lint';
const opts = {};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const m = /^--(out|verdicts|cli|only|rules)(?:=(.*))?$/.exec(a);
  if (!m) fail(`unknown argument ${a} (modes: lint, compare, list; options --out --verdicts --cli --only --rules)`);
  opts[m[1]] = m[2] ?? argv[++i];
  if (opts[m[1]] === undefined) fail(`${a} needs a value`);
}
if (!['lint', 'compare', 'list'].includes(mode)) fail(`unknown mode ${mode} (lint, compare, list)`);

const treesDir = resolve(process.env.REALPROJECTS ?? '/work/realprojects');
const outDir = resolve(opts.out ?? process.env.REALPROJECTS_OUT ?? join(tmpdir(), 'tightship-realprojects'));
if (outDir === repo || outDir.startsWith(repo + sep)) fail(`--out ${outDir} is inside the repository; choose a folder outside it`);
const cli = resolve(opts.cli ?? join(repo, 'dist', 'bin', 'cli.js'));
const verdictsPath = resolve(opts.verdicts ?? join(here, 'verdicts.json'));
const extraRules = new Set((opts.rules ?? '').split(',').filter(Boolean));

const slug = (name) => name.replace('/', '__');
let projects = readFileSync(join(here, 'projects.txt'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim())
  .filter(Boolean)
  .map((l) => {
    const [name, commit] = l.split(/\s+/);
    return { name, commit, slug: slug(name), root: join(treesDir, slug(name)) };
  });
if (opts.only) {
  const want = new Set(opts.only.split(',').map(slug));
  projects = projects.filter((p) => want.has(p.slug));
  if (projects.length === 0) fail(`--only ${opts.only} names no project of projects.txt`);
}

function table(rows, header) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function lint() {
  if (!existsSync(cli)) fail(`${cli} does not exist; run npm run build first`);
  mkdirSync(outDir, { recursive: true });
  const perProject = [];
  const perRule = new Map();
  for (const p of projects) {
    if (!existsSync(p.root)) {
      console.error(`skip ${p.name}: ${p.root} does not exist (fetch and extract it, see README.md)`);
      continue;
    }
    const stamp = join(treesDir, `${p.slug}.commit`);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() !== p.commit) {
      console.error(`warning: ${p.name} is extracted at ${readFileSync(stamp, 'utf8').trim()}, projects.txt says ${p.commit}`);
    }
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'lint', '.', '--format', 'json', '--fail-on', 'none'], {
      cwd: p.root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = Number((process.hrtime.bigint() - started) / 1000000n);
    if (r.stdout === '' || r.stdout === null) {
      console.error(`${p.name}: no report (exit ${r.status}): ${(r.stderr ?? '').split('\n')[0]}`);
      continue;
    }
    writeFileSync(join(outDir, `${p.slug}.json`), r.stdout);
    if (r.stderr) writeFileSync(join(outDir, `${p.slug}.stderr.txt`), r.stderr);
    const report = JSON.parse(r.stdout);
    const c = { errors: 0, warnings: 0, infos: 0, csm: 0, nodi: 0, targetErrors: 0 };
    const kinds = {};
    for (const t of report.results) {
      kinds[t.target.kind] = (kinds[t.target.kind] ?? 0) + 1;
      if (t.error) c.targetErrors++;
      for (const f of t.findings ?? []) {
        if (f.severity === 'error') c.errors++;
        else if (f.severity === 'warning') c.warnings++;
        else c.infos++;
        if (f.ruleId === 'context/copy-source-missing') c.csm++;
        if (f.ruleId === 'context/no-dockerignore') c.nodi++;
        const e = perRule.get(f.ruleId) ?? { error: 0, warning: 0, info: 0 };
        e[f.severity]++;
        perRule.set(f.ruleId, e);
      }
    }
    perProject.push([
      p.name,
      Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ') || '0',
      c.errors, c.warnings, c.infos, c.csm, c.nodi, r.status, ms,
    ]);
  }
  const tot = perProject.reduce((a, r) => a.map((v, i) => (i >= 2 && i <= 6 ? v + r[i] : v)), ['total', '', 0, 0, 0, 0, 0, '', '']);
  console.log(table([...perProject, tot], ['project', 'files audited', 'errors', 'warnings', 'infos', 'copy-source-missing', 'no-dockerignore', 'exit', 'ms']));
  console.log();
  const rules = [...perRule.entries()].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]));
  console.log(table(rules.filter(([, e]) => e.error + e.warning > 0).map(([id, e]) => [id, e.error, e.warning]), ['rule', 'errors', 'warnings']));
  console.log(`\nreports in ${outDir}`);
}

// ---- keys -------------------------------------------------------------------------------------

const fileCache = new Map();
function lineText(root, file, line) {
  const abs = join(root, file);
  if (!fileCache.has(abs)) {
    let lines = null;
    try { lines = readFileSync(abs, 'utf8').split(/\r?\n/); } catch { /* a target with no file */ }
    fileCache.set(abs, lines);
  }
  const lines = fileCache.get(abs);
  if (!lines || !line) return '';
  return (lines[line - 1] ?? '').replace(/\s+/g, ' ').trim();
}
const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 12);

function collect() {
  const out = [];
  for (const p of projects) {
    const f = join(outDir, `${p.slug}.json`);
    if (!existsSync(f)) { console.error(`no report for ${p.name} in ${outDir}; run the lint mode first`); continue; }
    // Keys hash the source line, so the tree the report was made from must be there to read.
    if (!existsSync(p.root)) fail(`${p.root} does not exist: the verdict keys are read from the project's files (set REALPROJECTS)`);
    const report = JSON.parse(readFileSync(f, 'utf8'));
    for (const t of report.results) {
      for (const fd of t.findings ?? []) {
        const loc = fd.location ?? {};
        const file = (loc.path ?? t.target.path ?? '').split(sep).join('/').replace(/^\.\//, '');
        const text = lineText(p.root, file, loc.startLine);
        out.push({
          project: p.name,
          rule: fd.ruleId,
          severity: fd.severity,
          file,
          line: loc.startLine ?? 0,
          lineHash: hash(text || fd.message),
          message: fd.message,
          target: t.target.path,
          // A finding below error of a rule not asked for is kept only to tell a true error that is
          // now a warning (still reported) from one that is gone.
          counted: fd.severity === 'error' || extraRules.has(fd.ruleId),
        });
      }
    }
  }
  return out;
}

function loadVerdicts() {
  if (!existsSync(verdictsPath)) return { verdicts: [], groups: [] };
  const v = JSON.parse(readFileSync(verdictsPath, 'utf8'));
  return { verdicts: v.verdicts ?? [], groups: v.groups ?? [] };
}

function globToRe(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function classify(findings, { verdicts, groups }) {
  const exact = new Map();
  for (const v of verdicts) {
    const k = `${v.project}|${v.rule}|${v.file}|${v.lineHash}`;
    (exact.get(k) ?? exact.set(k, []).get(k)).push(v);
  }
  const compiled = groups.map((g) => ({
    ...g,
    fileRe: g.file ? globToRe(g.file) : null,
    msgRe: g.message ? new RegExp(g.message) : null,
  }));
  for (const f of findings) {
    const cands = exact.get(`${f.project}|${f.rule}|${f.file}|${f.lineHash}`) ?? [];
    const hit = cands.find((v) => v.messageIncludes && f.message.includes(v.messageIncludes)) ?? cands.find((v) => !v.messageIncludes);
    if (hit) { f.verdict = hit.verdict; f.note = hit.note; f.by = 'exact'; continue; }
    const g = compiled.find((g) =>
      (!g.project || g.project === f.project) && g.rule === f.rule &&
      (!g.fileRe || g.fileRe.test(f.file)) && (!g.msgRe || g.msgRe.test(f.message)));
    if (g) { f.verdict = g.verdict; f.note = g.note; f.by = `group:${g.id}`; }
  }
  return findings;
}

function list() {
  const fs = classify(collect(), loadVerdicts()).filter((f) => f.counted);
  console.log(['project', 'rule', 'severity', 'file', 'line', 'lineHash', 'verdict', 'message'].join('\t'));
  for (const f of fs) console.log([f.project, f.rule, f.severity, f.file, f.line, f.lineHash, f.verdict ?? '', f.message.replace(/\s+/g, ' ')].join('\t'));
}

function compare() {
  const v = loadVerdicts();
  const all = classify(collect(), v);
  const fs = all.filter((f) => f.counted);
  const per = new Map();
  for (const f of fs) {
    const k = `${f.rule}${f.severity === 'error' ? '' : ` (${f.severity})`}`;
    const e = per.get(k) ?? { t: 0, f: 0, u: 0 };
    if (f.verdict === 'true') e.t++; else if (f.verdict === 'false') e.f++; else e.u++;
    per.set(k, e);
  }
  const rows = [...per.entries()].sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, e]) => [k, e.t + e.f + e.u, e.t, e.f, e.u, e.t + e.f ? `${((100 * e.t) / (e.t + e.f)).toFixed(1)}%` : '-']);
  const errs = fs.filter((f) => f.severity === 'error');
  const t = errs.filter((f) => f.verdict === 'true').length;
  const fl = errs.filter((f) => f.verdict === 'false').length;
  const u = errs.length - t - fl;
  rows.push(['all error findings', errs.length, t, fl, u, t + fl ? `${((100 * t) / (t + fl)).toFixed(1)}%` : '-']);
  console.log(table(rows, ['rule', 'findings', 'true', 'false', 'unclassified', 'precision']));
  // A true finding that no longer appears is a regression: list the exact true verdicts not matched.
  // One reported below error (a keyword-only secret made a warning by its evidence) is listed apart.
  const keyOf = (x) => `${x.project}|${x.rule}|${x.file}|${x.lineHash}`;
  const seenAs = new Map();
  for (const f of all) {
    if (f.by !== 'exact') continue;
    const k = keyOf(f);
    if (!seenAs.has(k) || f.severity === 'error') seenAs.set(k, f.severity);
  }
  const inScope = new Set(projects.map((p) => p.name));
  const trueErrors = v.verdicts.filter((x) => x.verdict === 'true' && inScope.has(x.project) && (x.severity ?? 'error') === 'error');
  const lost = trueErrors.filter((x) => !seenAs.has(keyOf(x)));
  const demoted = trueErrors.filter((x) => seenAs.has(keyOf(x)) && seenAs.get(keyOf(x)) !== 'error');
  const unclassified = fs.filter((f) => !f.verdict);
  if (unclassified.length) {
    console.log(`\nnew / unclassified findings (${unclassified.length}):`);
    for (const f of unclassified) console.log(`  ${f.project}  ${f.rule}  ${f.file}:${f.line}  [${f.lineHash}]  ${f.message.slice(0, 140)}`);
  }
  if (demoted.length) {
    console.log(`\ntrue error findings now reported below error (${demoted.length}):`);
    for (const x of demoted) console.log(`  ${x.project}  ${x.rule}  ${x.file}:${x.line}  [${x.lineHash}]  now ${seenAs.get(keyOf(x))}  ${x.note ?? ''}`);
  }
  if (lost.length) {
    console.log(`\ntrue findings no longer reported (${lost.length}):`);
    for (const x of lost) console.log(`  ${x.project}  ${x.rule}  ${x.file}:${x.line}  [${x.lineHash}]  ${x.note ?? ''}`);
  } else {
    console.log('\nevery true finding of the verdicts is still reported');
  }
}

if (mode === 'lint') lint();
else if (mode === 'list') list();
else compare();
