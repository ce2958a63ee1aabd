// npm run bench: tightship side by side with its peers, in one run, on this machine.
// Prints medians, min–max, peak RSS and ratios; writes bench/RESULTS.md and the README's
// performance section. Never part of `npm test`, never a timed assertion.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeContext } from './gen-context.js';
import { makeDockerSaveTar } from './gen-image.js';
import { makeMonorepo } from './gen-monorepo.js';
import { profileShares } from './profile.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(repo, '../shared/corpus/real-world');
const work = join(repo, '.bench-work');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2); // optional section names: dockerfiles single compose context image monorepo
// hadolint cannot be installed from the registries reachable here: its figure is quoted, with its source
const HADOLINT_QUOTED_S = 37.7;
const HADOLINT_SOURCE = 'hadolint 2.15.1 on the same 1,112 files, measured on a machine of this kind (issue 18, bench/PROFILE.md); not run here';

interface Sample { wall_s: number; cpu_s: number; maxrss_kb: number; code: number; stdout_bytes: number; stderr_tail: string }
interface Row {
  section: string;
  tool: string;
  median: number;
  /** median CPU time, user + system */
  cpu: number;
  min: number;
  max: number;
  rssMb: number;
  exit: number;
  note: string;
  last: Sample;
}

function measureOnce(cmd: string[], cwd = repo, countStdout = false): Sample {
  const flags = countStdout ? ['--count-stdout'] : [];
  const out = execFileSync('python3', [join(repo, 'bench/measure.py'), ...flags, cwd, ...cmd], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out) as Sample;
}

interface BenchOptions { runs?: number; countStdout?: boolean; cwd?: string; warmUp?: boolean }

function bench(section: string, tool: string, cmd: string[], note = '', runs = RUNS, countStdout = false, more: BenchOptions = {}): Row {
  const cwd = more.cwd ?? repo;
  if (more.warmUp !== false) measureOnce(cmd, cwd, countStdout); // warm-up: page cache, module compile cache
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(measureOnce(cmd, cwd, countStdout));
  const walls = samples.map((s) => s.wall_s).sort((a, b) => a - b);
  const cpus = samples.map((s) => s.cpu_s).sort((a, b) => a - b);
  const row: Row = {
    section,
    tool,
    median: walls[Math.floor(walls.length / 2)],
    cpu: cpus[Math.floor(cpus.length / 2)],
    min: walls[0],
    max: walls[walls.length - 1],
    rssMb: Math.max(...samples.map((s) => s.maxrss_kb)) / 1024,
    exit: samples[samples.length - 1].code,
    note,
    last: samples[samples.length - 1],
  };
  process.stderr.write(`  ${tool.padEnd(44)} ${fmt(row.median)} (${fmt(row.min)}–${fmt(row.max)}) cpu ${fmt(row.cpu)} ${row.rssMb.toFixed(0)} MB exit ${row.exit}\n`);
  return row;
}

function fmt(s: number): string {
  return s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`;
}

function listFile(name: string, files: string[]): string {
  const p = join(work, name);
  writeFileSync(p, files.join('\n') + '\n');
  return p;
}

function corpusList(name: string): string[] {
  const list = join(corpus, name);
  if (!existsSync(list)) throw new Error(`corpus list missing: ${list}`);
  return readFileSync(list, 'utf8').split('\n').filter(Boolean).map((f) => join(corpus, f));
}

// what users run: the bin (the bundled CLI) from package.json
const cli = join(repo, (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.tightship);
const node = process.execPath;
const tightship = (...args: string[]) => [node, cli, ...args];
/** `tightship lint ARGS` with ShellCheck's findings cache in a folder of `name` emptied before each run. */
const coldCache = (name: string, ...args: string[]) => {
  const dir = join(work, name);
  return ['sh', '-c', 'rm -rf "$0" && exec "$@"', dir, node, cli, 'lint', '--cache-location', dir, ...args];
};

function peerCounts(resultFile: string): string {
  try {
    const r = JSON.parse(readFileSync(resultFile, 'utf8')) as { files: number; crashed: number; findings: number };
    return `${r.files} files, ${r.crashed} crashed, ${r.findings} findings`;
  } catch {
    return 'no result written (the process failed)';
  }
}

function sectionDockerfiles(rows: Row[]): void {
  const files = corpusList('dockerfiles.txt');
  process.stderr.write(`Dockerfile corpus (${files.length} files)\n`);
  const list = listFile('dockerfiles.txt', files);
  const s = 'Dockerfile corpus';
  rows.push(bench(s, 'node floor (start + read every file)', [node, join(repo, 'bench/peers/read-floor.cjs'), list]));
  const tsCount = countTightship(files, ['--no-context']);
  // one process and one thread (--jobs 1), as the targets are set; then the same without the
  // ShellCheck processes (node's own work), and with the worker threads a batch this size gets
  rows.push(bench(s, 'tightship lint (one process, Dockerfile rules)', tightship('lint', '--no-context', '--jobs', '1', '--no-cache', '--format', 'json', '--fail-on', 'none', ...files), `${tsCount}; --jobs 1, ShellCheck's processes included, no findings cache (--no-cache)`));
  // ShellCheck's findings cache: cold (a fresh folder each run: every script checked, the cache
  // written) and warm (the warm-up run filled it: no ShellCheck process)
  rows.push(bench(s, 'tightship lint (one process, ShellCheck cache cold)', coldCache('df-cold', '--no-context', '--jobs', '1', '--format', 'json', '--fail-on', 'none', ...files), '--jobs 1, a fresh --cache-location each run'));
  rows.push(bench(s, 'tightship lint (one process, ShellCheck cache warm)', tightship('lint', '--no-context', '--jobs', '1', '--cache-location', join(work, 'df-warm'), '--format', 'json', '--fail-on', 'none', ...files), '--jobs 1, every script found in the cache'));
  rows.push(bench(s, 'tightship lint (one process, Dockerfile rules, --no-shellcheck)', tightship('lint', '--no-context', '--jobs', '1', '--no-shellcheck', '--format', 'json', '--fail-on', 'none', ...files), '--jobs 1, without the ShellCheck processes'));
  rows.push(bench(s, 'tightship lint (all cores, Dockerfile rules)', tightship('lint', '--no-context', '--jobs', String(os.availableParallelism()), '--format', 'json', '--fail-on', 'none', ...files), `--jobs ${os.availableParallelism()}: worker threads (the default from 4 cores, for 200 targets or more)`));
  rows.push(bench(s, 'tightship lint (one process, + build contexts)', tightship('lint', '--jobs', '1', '--format', 'json', '--fail-on', 'none', ...files)));
  const dflOut = join(work, 'dockerfilelint.json');
  rows.push(bench(s, 'dockerfilelint 1.8.0 (library, one process)', [node, join(repo, 'bench/peers/dockerfilelint-lib.cjs'), list, dflOut]));
  rows[rows.length - 1].note = peerCounts(dflOut);
  const cliRow = bench(s, 'dockerfilelint 1.8.0 (CLI, all files)', [join(repo, 'node_modules/.bin/dockerfilelint'), ...files], '', 1, true);
  const aborted = cliRow.last.stdout_bytes === 0 && /\n\s+at /.test(cliRow.last.stderr_tail);
  cliRow.note = aborted ? `aborted the whole batch: no report, a stack trace (exit ${cliRow.exit})` : `${cliRow.last.stdout_bytes} bytes of report`;
  rows.push(cliRow);
  const duOut = join(work, 'dockerfile-utils.json');
  rows.push(bench(s, 'dockerfile-utils 0.16.3 (library, one process)', [node, join(repo, 'bench/peers/dockerfile-utils-lib.cjs'), list, duOut]));
  rows[rows.length - 1].note = peerCounts(duOut);
  rows.push(quoted(s, 'hadolint 2.15.1 (quoted, not run)', HADOLINT_QUOTED_S, HADOLINT_SOURCE));
  dockerfileShares = shares(files);
}

function quoted(section: string, tool: string, seconds: number, note: string): Row {
  return { section, tool, median: seconds, cpu: Number.NaN, min: seconds, max: seconds, rssMb: Number.NaN, exit: 0, note, last: { wall_s: seconds, cpu_s: Number.NaN, maxrss_kb: 0, code: 0, stdout_bytes: -1, stderr_tail: '' } };
}

let dockerfileShares: string[] = [];

/** One profiled run over the corpus: the share of discovery, parsing, rules and report, and the
 *  rules run per second. */
function shares(files: string[]): string[] {
  const names = ['plan', 'discover', 'buildMaps', 'parseDockerfile', 'splitRun', 'runRules', 'report'] as const;
  // exclusive groups (a sample counts once): the parse is made in the build map's guess since the
  // audit takes that parse, so it is counted as the parser's, not the build map's
  // --jobs 1: the profile is of this thread (worker threads would take the audits out of it)
  const p = profileShares([cli, 'lint', '--no-context', '--jobs', '1', '--format', 'json', '--fail-on', 'none', ...files], repo, names, {
    parser: ['parseDockerfile'], rules: ['runRules'], report: ['report'], discovery: ['plan', 'discover', 'buildMaps', 'guessOnly', 'buildMap'], gc: ['(garbage collector)'],
  });
  const rules = (JSON.parse(execFileSync(node, [cli, 'rules', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 })) as { id: string }[] | { rules: { id: string }[] });
  const ids = (Array.isArray(rules) ? rules : rules.rules).map((r) => r.id).filter((id) => id.startsWith('dockerfile/'));
  const pct = (ms: number) => `${ms.toFixed(0)} ms (${((100 * ms) / p.total).toFixed(0)}%)`;
  const i = p.inside;
  const g = p.groups;
  const checks = ids.length * files.length;
  return [
    `- profiled run (\`node --cpu-prof\`, one process, ${files.length} files, ${ids.length} Dockerfile rules, all on): ${p.total.toFixed(0)} ms sampled, idle excluded`,
    `- discovery and build map: ${pct(g.discovery)}; Dockerfile parser (one parse per file): ${pct(g.parser)}; rules: ${pct(g.rules)} (of which splitting RUN bodies, done by the first rule that asks: ${pct(i.splitRun)}); report (JSON): ${pct(g.report)}; GC: ${pct(g.gc)}; the rest (start, module loading, config lookup, reads, ShellCheck's batch): ${pct(g.rest)}`,
    `- rules/s: ${checks} rule runs (${ids.length} rules × ${files.length} files) in ${(i.runRules / 1000).toFixed(2)} s of rules = ${(checks / (i.runRules / 1000)).toFixed(0)} rule runs/s (${(files.length / (i.runRules / 1000)).toFixed(0)} files/s through every rule)`,
  ];
}

/** Runs tightship once more to count what it did: files audited, errors, findings. */
function countTightship(files: string[], flags: string[]): string {
  try {
    const out = execFileSync(node, [cli, 'lint', ...flags, '--format', 'json', '--fail-on', 'none', ...files], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    const report = JSON.parse(out) as { results: { error?: string; findings: unknown[] }[] };
    const errors = report.results.filter((r) => r.error !== undefined).length;
    const findings = report.results.reduce((n, r) => n + r.findings.length, 0);
    return `${report.results.length} targets, ${errors} unreadable, ${findings} findings`;
  } catch (err) {
    const e = err as { status?: number; stdout?: string };
    return `exit ${e.status ?? '?'}`;
  }
}

function sectionSingle(rows: Row[]): void {
  process.stderr.write('Single Dockerfile\n');
  // A project of one Dockerfile (a folder with .git and the reference Dockerfile): what a user
  // runs on a small service, build map included.
  const dir = join(work, 'single');
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), readFileSync(join(repo, 'examples/secure-app/Dockerfile.hardened')));
  const s = 'Single Dockerfile';
  const runs = Math.max(RUNS, 10);
  // The bin (package.json) is a loader and one CommonJS bundle; on Node without
  // module.enableCompileCache the loader compiles the bundle from V8's code cache, which the
  // warm-up run of each row writes (in the user's cache folder) when it is missing.
  const bundleBytes = statSync(join(dirname(cli), 'tightship.cjs')).size;
  const modules = modulesLoaded(dir);
  const bytes = modules.reduce((n, u) => n + readFileSync(fileURLToPath(u)).length, 0);
  rows.push(bench(s, 'node -e 0 (bare start)', [node, '-e', '0'], '', runs));
  rows.push(bench(s, 'tightship --version (start + the bundle)', tightship('--version'), `one bundle of ${(bundleBytes / 1024).toFixed(0)} KiB, compiled from the code cache`, runs));
  rows.push(bench(s, 'load only: tightship lint --help', tightship('lint', '--help'), `the lint command's ${modules.length} modules (${(bytes / 1024).toFixed(0)} KiB unbundled) initialised, nothing audited`, runs, false, { cwd: dir }));
  rows.push(bench(s, 'tightship lint Dockerfile (one-Dockerfile project)', tightship('lint', 'Dockerfile', '--fail-on', 'none', '--no-cache'), 'pretty output, build context, build map and ShellCheck included (--no-cache)', runs, false, { cwd: dir }));
  rows.push(bench(s, 'tightship lint Dockerfile, ShellCheck cache cold', coldCache('single-cold', 'Dockerfile', '--fail-on', 'none'), 'a fresh --cache-location each run: ShellCheck runs, the cache is written', runs, false, { cwd: dir }));
  rows.push(bench(s, 'tightship lint Dockerfile, ShellCheck cache warm', tightship('lint', 'Dockerfile', '--fail-on', 'none', '--cache-location', join(work, 'single-warm')), 'every script found in the cache: no ShellCheck process', runs, false, { cwd: dir }));
  rows.push(bench(s, 'tightship lint Dockerfile --no-shellcheck', tightship('lint', 'Dockerfile', '--fail-on', 'none', '--no-shellcheck'), 'the same without the ShellCheck process', runs, false, { cwd: dir }));
  rows.push(bench(s, 'tightship lint Dockerfile, no code cache', ['env', 'TIGHTSHIP_NO_CODE_CACHE=1', ...tightship('lint', 'Dockerfile', '--fail-on', 'none')], 'TIGHTSHIP_NO_CODE_CACHE=1: the bundle compiled from its source', runs, false, { cwd: dir }));
  // The same file inside this repository: a file named directly belongs to the project of the
  // nearest .git, so the build map reads the whole repository (fixtures with compose, bake and CI files).
  rows.push(bench(s, 'tightship lint examples/secure-app/Dockerfile.hardened', tightship('lint', 'examples/secure-app/Dockerfile.hardened', '--fail-on', 'none'), 'inside this repository: the build map reads the whole repository', Math.min(RUNS, 3)));
}

/** The modules of ours (file URLs) a Dockerfile lint in `dir` loads, from a resolve hook on the
 *  unbundled CLI (dist/src/cli.js; the bin holds the same modules in one file). */
function modulesLoaded(dir: string): string[] {
  const hook = join(work, 'list-hook.mjs');
  writeFileSync(hook, 'export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("file:")) process.stderr.write(`LOADED ${r.url}\\n`); return r; }\n');
  const register = join(work, 'list-register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hook}`)});\n`);
  const r = spawnSync(node, ['--import', register, join(repo, 'dist/src/cli.js'), 'lint', 'Dockerfile', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr = (r.stderr as string | null) ?? ''; // null when the spawn itself failed
  return [...new Set(stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7)))].filter((u) => u.includes('/dist/src/'));
}

function sectionCompose(rows: Row[]): void {
  const files = corpusList('compose-files.txt');
  process.stderr.write(`Compose corpus (${files.length} files)\n`);
  const s = 'Compose corpus';
  const list = listFile('compose-files.txt', files);
  rows.push(bench(s, 'node floor (start + read every file)', [node, join(repo, 'bench/peers/read-floor.cjs'), list]));
  rows.push(bench(s, 'tightship lint (one process, compose files)', tightship('lint', '--no-context', '--jobs', '1', '--format', 'json', '--fail-on', 'none', ...files), `${countTightship(files, ['--no-context'])}; --jobs 1`));
  // the services' Dockerfiles are audited too, ShellCheck included (child processes): without it, the node process alone
  rows.push(bench(s, 'tightship lint (one process, compose files, --no-shellcheck)', tightship('lint', '--no-context', '--jobs', '1', '--no-shellcheck', '--format', 'json', '--fail-on', 'none', ...files), '--jobs 1, without the ShellCheck processes over the built Dockerfiles\' RUN scripts'));
  rows.push(bench(s, 'tightship lint (all cores, compose files)', tightship('lint', '--no-context', '--jobs', String(os.availableParallelism()), '--format', 'json', '--fail-on', 'none', ...files), `--jobs ${os.availableParallelism()}: worker threads (the default from 4 cores, for 200 targets or more)`));
  rows.push(bench(s, 'dclint 3.1.0 (CLI, all files)', [join(repo, 'node_modules/.bin/dclint'), '--color', 'false', ...files], '', Math.min(RUNS, 3)));
  composeShares = composeSharesOf(files);
}

let composeShares: string[] = [];

/** One profiled run over the compose corpus: where the node process spends its time (ShellCheck
 *  runs in child processes the profile does not see: the two tightship rows differ by it). */
function composeSharesOf(files: string[]): string[] {
  const names = ['discover', 'loadProject', 'fastParse', 'fromTree', 'validateCompose', 'auditDockerfileText', 'parseDockerfile', 'composeResults', 'report', 'redactReport'] as const;
  const p = profileShares([cli, 'lint', '--no-context', '--jobs', '1', '--format', 'json', '--fail-on', 'none', ...files], repo, names);
  const i = p.inside;
  const pct = (ms: number) => `${ms.toFixed(0)} ms (${((100 * ms) / p.total).toFixed(0)}%)`;
  const named = i.discover + i.loadProject + i.auditDockerfileText + i.composeResults + i.report;
  return [
    `- profiled run (\`node --cpu-prof\`, one process, ${files.length} compose files): ${p.total.toFixed(0)} ms sampled in the node process, idle excluded`,
    `- discovery: ${pct(i.discover)}; reading the projects (\`loadProject\`): ${pct(i.loadProject)}, of which the fast YAML reader ${pct(i.fastParse)}, the located tree (positions, anchors, interpolation) ${pct(i.fromTree)}, schema validation ${pct(i.validateCompose)}; the built Dockerfiles' audits: ${pct(i.auditDockerfileText)} (the Dockerfile parser, audits and ShellCheck prefetch: ${pct(i.parseDockerfile)}); compose rules and pipeline: ${pct(i.composeResults)}; report (JSON): ${pct(i.report)}, of which redaction ${pct(i.redactReport)}; the rest (start, module loading, config lookup, GC): ${pct(p.total - named)}`,
  ];
}

function sectionContext(rows: Row[]): void {
  const dir = join(work, 'context-100k');
  const made = makeContext(dir, 100_000);
  process.stderr.write(`Build context (${made.files} files, ${made.excluded} under node_modules excluded)\n`);
  const s = 'Build context';
  rows.push(bench(s, 'find (walk every file)', ['find', dir, '-type', 'f']));
  rows.push(bench(s, 'tightship lint Dockerfile + context', tightship('lint', join(dir, 'Dockerfile'), '--format', 'json', '--fail-on', 'none')));
}

const MONOREPO_FILES = Number(process.env.BENCH_MONOREPO_FILES ?? 10_000);

/** A generated monorepo of real corpus files, linted as one directory in one process, with its
 *  worker threads on every core (the default for a batch this size) and in one thread
 *  (--jobs 1); a quarter of it as well, to show whether memory grows with the number of files.
 *  One run each (plus no warm-up): the large run alone takes tens of seconds here. */
function sectionMonorepo(rows: Row[]): void {
  const s = 'Monorepo (one process)';
  const cores = os.availableParallelism();
  for (const count of [Math.round(MONOREPO_FILES / 4), MONOREPO_FILES]) {
    // outside the repository: a file linted inside it would otherwise find these in its project
    const made = makeMonorepo(join(os.tmpdir(), `tightship-bench-monorepo-${count}`), corpus, count);
    process.stderr.write(`Monorepo of ${count} files (${made.dockerfiles} Dockerfiles, ${made.composeFiles} compose files)\n`);
    const files = listMonorepo(made.dir, count);
    const list = listFile(`monorepo-${count}.txt`, files);
    rows.push(bench(s, `node floor (start + read ${count} files)`, [node, join(repo, 'bench/peers/read-floor.cjs'), list]));
    for (const jobs of [cores, 1]) {
      const how = jobs === 1 ? 'one thread (--jobs 1)' : `all ${jobs} cores (--jobs ${jobs})`;
      const row = bench(s, `tightship lint monorepo of ${count} files, ${how}`, tightship('lint', '--no-context', '--format', 'json', '--fail-on', 'none', '--jobs', String(jobs), '.'), '', 1, false, { cwd: made.dir, warmUp: false });
      const busy = row.cpu / row.median;
      row.note = `${(count / row.median).toFixed(0)} files/s wall, ${(count / row.median / jobs).toFixed(0)} per core given; ${(count / row.cpu).toFixed(0)} files per CPU-second (${busy.toFixed(2)} cores busy of ${os.cpus().length})`;
      rows.push(row);
    }
    rmSync(made.dir, { recursive: true, force: true });
  }
}

function listMonorepo(dir: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pkg = join(dir, 'packages', String(i).padStart(5, '0'));
    out.push(existsSync(join(pkg, 'Dockerfile')) ? join(pkg, 'Dockerfile') : join(pkg, 'compose.yaml'));
  }
  return out;
}

async function sectionImage(rows: Row[]): Promise<void> {
  const s = 'Image (docker-save tar)';
  // what any node process costs before it reads a byte: the 100 MB targets sit below it
  rows.push(bench(s, 'node -e 0 (bare start, no image)', [node, '-e', '0']));
  for (const mb of [100, 1000]) {
    const tar = join(work, `image-${mb}mb.tar`);
    const made = await makeDockerSaveTar(tar, mb);
    process.stderr.write(`Image ${mb} MB (${made.files} files in ${made.layers} layers, ${(made.bytes / 1e6).toFixed(0)} MB)\n`);
    rows.push(bench(s, `cat ${mb} MB tar`, ['cat', tar]));
    rows.push(bench(s, `sha256sum ${mb} MB tar (hashing alone)`, ['sha256sum', tar], '', Math.min(RUNS, 3)));
    rows.push(bench(s, `tightship image ${mb} MB tar`, tightship('image', tar, '--format', 'json', '--fail-on', 'none'), 'layer digests verified'));
    rows.push(bench(s, `tightship image --no-verify ${mb} MB tar`, tightship('image', tar, '--no-verify', '--format', 'json', '--fail-on', 'none'), 'digests not verified'));
  }
}

function ratioNotes(rows: Row[]): string[] {
  const pick = (section: string, prefix: string) => rows.find((r) => r.section === section && r.tool.startsWith(prefix));
  const out: string[] = [];
  const say = (label: string, a?: Row, b?: Row, target?: number) => {
    if (!a || !b) return;
    const ratio = a.median / b.median;
    const verdict = target === undefined ? '' : ratio <= target ? ` — target ≤ ${target}× met` : ` — target ≤ ${target}× MISSED`;
    // CPU time as well: on a shared machine the wall clock also counts the time other work held the cores
    const cpu = Number.isNaN(a.cpu) || Number.isNaN(b.cpu) ? '' : `; CPU ${(a.cpu / b.cpu).toFixed(2)}× (${fmt(a.cpu)} vs ${fmt(b.cpu)})`;
    out.push(`- ${label}: ${ratio.toFixed(2)}× wall (${fmt(a.median)} vs ${fmt(b.median)})${cpu}${verdict}`);
  };
  const D = 'Dockerfile corpus';
  const ts = pick(D, 'tightship lint (one process, Dockerfile');
  say('tightship / node read floor, Dockerfile corpus', ts, pick(D, 'node floor'), 4.5);
  say('tightship, ShellCheck cache cold / node read floor, Dockerfile corpus', pick(D, 'tightship lint (one process, ShellCheck cache cold'), pick(D, 'node floor'), 4.5);
  say('tightship, ShellCheck cache warm / node read floor, Dockerfile corpus', pick(D, 'tightship lint (one process, ShellCheck cache warm'), pick(D, 'node floor'), 4.5);
  say('tightship --no-shellcheck / node read floor, Dockerfile corpus', pick(D, 'tightship lint (one process, Dockerfile rules, --no-shellcheck'), pick(D, 'node floor'), 4.5);
  say('tightship all cores / one thread, Dockerfile corpus', pick(D, 'tightship lint (all cores'), ts);
  say('dockerfilelint library / tightship', pick(D, 'dockerfilelint 1.8.0 (library'), ts);
  say('dockerfile-utils library / tightship', pick(D, 'dockerfile-utils'), ts);
  say('hadolint (quoted) / tightship', pick(D, 'hadolint'), ts);
  say('tightship single file / bare node start', pick('Single Dockerfile', 'tightship lint Dockerfile'), pick('Single Dockerfile', 'node -e'), 1.5);
  say('tightship single file, ShellCheck cache cold / bare node start', pick('Single Dockerfile', 'tightship lint Dockerfile, ShellCheck cache cold'), pick('Single Dockerfile', 'node -e'), 1.5);
  say('tightship single file, ShellCheck cache warm / bare node start', pick('Single Dockerfile', 'tightship lint Dockerfile, ShellCheck cache warm'), pick('Single Dockerfile', 'node -e'), 1.5);
  say('load only (tightship lint --help) / bare node start', pick('Single Dockerfile', 'load only'), pick('Single Dockerfile', 'node -e'));
  say('tightship single file --no-shellcheck / bare node start', pick('Single Dockerfile', 'tightship lint Dockerfile --no-shellcheck'), pick('Single Dockerfile', 'node -e'));
  say('tightship single file without the code cache / bare node start', pick('Single Dockerfile', 'tightship lint Dockerfile, no code cache'), pick('Single Dockerfile', 'node -e'));
  say('tightship / node read floor, compose corpus', pick('Compose corpus', 'tightship'), pick('Compose corpus', 'node floor'), 3.5);
  say('tightship --no-shellcheck / node read floor, compose corpus', pick('Compose corpus', 'tightship lint (one process, compose files, --no-shellcheck'), pick('Compose corpus', 'node floor'), 3.5);
  say('dclint / tightship, compose corpus', pick('Compose corpus', 'dclint'), pick('Compose corpus', 'tightship'));
  const M = 'Monorepo (one process)';
  say(`tightship (all cores) / node read floor, monorepo of ${MONOREPO_FILES} files`, pick(M, `tightship lint monorepo of ${MONOREPO_FILES} files, all `), pick(M, `node floor (start + read ${MONOREPO_FILES} `));
  say('tightship context / find', pick('Build context', 'tightship'), pick('Build context', 'find'));
  for (const mb of [100, 1000]) {
    say(`tightship image / cat, ${mb} MB`, pick('Image (docker-save tar)', `tightship image ${mb} MB`), pick('Image (docker-save tar)', `cat ${mb} MB`), 2);
    say(`tightship image --no-verify / cat, ${mb} MB`, pick('Image (docker-save tar)', `tightship image --no-verify ${mb} MB`), pick('Image (docker-save tar)', `cat ${mb} MB`), 2);
    say(`tightship image / sha256sum, ${mb} MB`, pick('Image (docker-save tar)', `tightship image ${mb} MB`), pick('Image (docker-save tar)', `sha256sum ${mb} MB`), mb === 1000 ? 1.2 : undefined);
  }
  say('bare node start / cat, 100 MB (the least a node process costs)', pick('Image (docker-save tar)', 'node -e 0'), pick('Image (docker-save tar)', 'cat 100 MB'));
  for (const how of ['all ', 'one thread']) {
    const small = pick(M, `tightship lint monorepo of ${Math.round(MONOREPO_FILES / 4)} files, ${how}`);
    const large = pick(M, `tightship lint monorepo of ${MONOREPO_FILES} files, ${how}`);
    if (small && large) out.push(`- monorepo peak RSS, ${how === 'all ' ? 'all cores' : how}: ${small.rssMb.toFixed(0)} MB (${Math.round(MONOREPO_FILES / 4)} files) vs ${large.rssMb.toFixed(0)} MB (${MONOREPO_FILES} files) — target flat`);
  }
  say(`monorepo of ${MONOREPO_FILES} files, one thread / all cores`, pick(M, `tightship lint monorepo of ${MONOREPO_FILES} files, one thread`), pick(M, `tightship lint monorepo of ${MONOREPO_FILES} files, all `));
  const ctx = pick('Build context', 'tightship');
  if (ctx) out.push(`- 100,000-file context: ${fmt(ctx.median)} — target about 1 s`);
  const i100 = pick('Image (docker-save tar)', 'tightship image 100 MB');
  const i1000 = pick('Image (docker-save tar)', 'tightship image 1000 MB');
  if (i100 && i1000) out.push(`- image peak RSS: ${i100.rssMb.toFixed(0)} MB (100 MB image) vs ${i1000.rssMb.toFixed(0)} MB (1 GB image) — target ≤ 150 MB and flat`);
  return out;
}

/** One table: each row's wall time as a multiple of its section's floor (the section's first
 *  row: node's start-and-read floor, a bare start, find, or cat). */
function table(rows: Row[]): string {
  const lines = ['| section | tool | median wall | × floor | min–max | CPU (user+sys) | peak RSS | exit | notes |', '|---|---|---|---|---|---|---|---|---|'];
  const floors = new Map<string, Row>();
  for (const r of rows) {
    const floor = r.section.startsWith('Image') ? rows.find((x) => x.section === r.section && x.tool === `cat ${/(\d+) MB/.exec(r.tool)?.[1]} MB tar`) : (floors.get(r.section) ?? r);
    if (!floors.has(r.section)) floors.set(r.section, r);
    const ratio = floor ? `${(r.median / floor.median).toFixed(2)}×` : '';
    const cpu = Number.isNaN(r.cpu) ? '—' : fmt(r.cpu);
    const rss = Number.isNaN(r.rssMb) ? '—' : `${r.rssMb.toFixed(0)} MB`;
    lines.push(`| ${r.section} | ${r.tool} | ${fmt(r.median)} | ${ratio} | ${fmt(r.min)}–${fmt(r.max)} | ${cpu} | ${rss} | ${r.exit} | ${r.note} |`);
  }
  return lines.join('\n');
}

async function mainBench(): Promise<void> {
  mkdirSync(work, { recursive: true });
  if (!existsSync(cli)) throw new Error(`${cli} missing: run \`npm run build\` first`);
  const rows: Row[] = [];
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want('dockerfiles')) sectionDockerfiles(rows);
  if (want('single')) sectionSingle(rows);
  if (want('compose')) sectionCompose(rows);
  if (want('context')) sectionContext(rows);
  if (want('image')) await sectionImage(rows);
  if (want('monorepo')) sectionMonorepo(rows);

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`;
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Measured ${date} on ${machine}, Node ${process.version} (compile cache: ${'enableCompileCache' in nodeModule ? 'Node\'s own' : 'not in this Node: the bin\'s V8 code cache'}); median of ${RUNS} runs after one warm-up (whole processes, wall time; CPU and peak RSS from the kernel's rusage; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}: other work shared the machine). The monorepo rows are one run each.`,
    '',
    table(rows),
    '',
    '**Ratios and targets**',
    '',
    ...ratioNotes(rows),
    ...(dockerfileShares.length ? ['', '**Dockerfile corpus: where the time goes**', '', ...dockerfileShares] : []),
    ...(composeShares.length ? ['', '**Compose corpus: where the time goes**', '', ...composeShares] : []),
  ].join('\n');
  // The analysis of missed targets is written by people (bench/PROFILE.md) and kept with the figures.
  const profile = existsSync(join(repo, 'bench/PROFILE.md')) ? readFileSync(join(repo, 'bench/PROFILE.md'), 'utf8') : '';
  const results = `# Benchmark results\n\nGenerated by \`npm run bench\`; do not edit by hand (the analysis below comes from bench/PROFILE.md).\n\n${body}\n${profile ? `\n${profile}` : ''}`;
  if (only.length === 0) {
    writeFileSync(join(repo, 'bench/RESULTS.md'), results);
    const readme = join(repo, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a >= 0 && b > a) writeFileSync(readme, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`);
  }
  process.stdout.write(`${body}\n`);
}

mainBench().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Partial<Error> | null | undefined)?.message}\n`);
  process.exitCode = 1;
});
