// npm run bench: tightship side by side with its peers, in one run, on this machine.
// Prints medians, min–max, peak RSS and ratios; writes bench/RESULTS.md and the README's
// performance section. Never part of `npm test`, never a timed assertion.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeContext } from './gen-context.js';
import { makeDockerSaveTar } from './gen-image.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(repo, '../shared/corpus/real-world');
const work = join(repo, '.bench-work');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2); // optional section names: dockerfiles single compose context image

interface Sample { wall_s: number; maxrss_kb: number; code: number; stdout_bytes: number; stderr_tail: string }
interface Row {
  section: string;
  tool: string;
  median: number;
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

function bench(section: string, tool: string, cmd: string[], note = '', runs = RUNS, countStdout = false): Row {
  measureOnce(cmd, repo, countStdout); // warm-up: page cache, module compile cache
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(measureOnce(cmd, repo, countStdout));
  const walls = samples.map((s) => s.wall_s).sort((a, b) => a - b);
  const row: Row = {
    section,
    tool,
    median: walls[Math.floor(walls.length / 2)]!,
    min: walls[0]!,
    max: walls[walls.length - 1]!,
    rssMb: Math.max(...samples.map((s) => s.maxrss_kb)) / 1024,
    exit: samples[samples.length - 1]!.code,
    note,
    last: samples[samples.length - 1]!,
  };
  process.stderr.write(`  ${tool.padEnd(44)} ${fmt(row.median)} (${fmt(row.min)}–${fmt(row.max)}) ${row.rssMb.toFixed(0)} MB exit ${row.exit}\n`);
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
const cli = join(repo, (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.tightship!);
const node = process.execPath;
const tightship = (...args: string[]) => [node, cli, ...args];

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
  rows.push(bench(s, 'tightship lint (one process, Dockerfile rules)', tightship('lint', '--no-context', '--format', 'json', '--fail-on', 'none', ...files), tsCount));
  rows.push(bench(s, 'tightship lint (one process, + build contexts)', tightship('lint', '--format', 'json', '--fail-on', 'none', ...files)));
  const dflOut = join(work, 'dockerfilelint.json');
  rows.push(bench(s, 'dockerfilelint 1.8.0 (library, one process)', [node, join(repo, 'bench/peers/dockerfilelint-lib.cjs'), list, dflOut]));
  rows[rows.length - 1]!.note = peerCounts(dflOut);
  const cliRow = bench(s, 'dockerfilelint 1.8.0 (CLI, all files)', [join(repo, 'node_modules/.bin/dockerfilelint'), ...files], '', 1, true);
  const aborted = cliRow.last.stdout_bytes === 0 && /\n\s+at /.test(cliRow.last.stderr_tail);
  cliRow.note = aborted ? `aborted the whole batch: no report, a stack trace (exit ${cliRow.exit})` : `${cliRow.last.stdout_bytes} bytes of report`;
  rows.push(cliRow);
  const duOut = join(work, 'dockerfile-utils.json');
  rows.push(bench(s, 'dockerfile-utils 0.16.3 (library, one process)', [node, join(repo, 'bench/peers/dockerfile-utils-lib.cjs'), list, duOut]));
  rows[rows.length - 1]!.note = peerCounts(duOut);
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
  const file = join(repo, 'examples/secure-app/Dockerfile.hardened');
  const s = 'Single Dockerfile';
  rows.push(bench(s, 'node -e 0 (bare start)', [node, '-e', '0'], '', Math.max(RUNS, 10)));
  rows.push(bench(s, 'tightship lint Dockerfile.hardened', tightship('lint', file, '--fail-on', 'none'), '', Math.max(RUNS, 10)));
}

function sectionCompose(rows: Row[]): void {
  const files = corpusList('compose-files.txt');
  process.stderr.write(`Compose corpus (${files.length} files)\n`);
  const s = 'Compose corpus';
  const list = listFile('compose-files.txt', files);
  rows.push(bench(s, 'node floor (start + read every file)', [node, join(repo, 'bench/peers/read-floor.cjs'), list]));
  rows.push(bench(s, 'tightship lint (one process, compose files)', tightship('lint', '--no-context', '--format', 'json', '--fail-on', 'none', ...files), countTightship(files, ['--no-context'])));
  rows.push(bench(s, 'dclint 3.1.0 (CLI, all files)', [join(repo, 'node_modules/.bin/dclint'), '--color', 'false', ...files], '', Math.min(RUNS, 3)));
}

function sectionContext(rows: Row[]): void {
  const dir = join(work, 'context-100k');
  const made = makeContext(dir, 100_000);
  process.stderr.write(`Build context (${made.files} files, ${made.excluded} under node_modules excluded)\n`);
  const s = 'Build context';
  rows.push(bench(s, 'find (walk every file)', ['find', dir, '-type', 'f']));
  rows.push(bench(s, 'tightship lint Dockerfile + context', tightship('lint', join(dir, 'Dockerfile'), '--format', 'json', '--fail-on', 'none')));
}

async function sectionImage(rows: Row[]): Promise<void> {
  const s = 'Image (docker-save tar)';
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
    out.push(`- ${label}: ${ratio.toFixed(2)}× (${fmt(a.median)} vs ${fmt(b.median)})${verdict}`);
  };
  const D = 'Dockerfile corpus';
  const ts = pick(D, 'tightship lint (one process, Dockerfile');
  say('tightship / node read floor, Dockerfile corpus', ts, pick(D, 'node floor'), 4.5);
  say('dockerfilelint library / tightship', pick(D, 'dockerfilelint 1.8.0 (library'), ts);
  say('dockerfile-utils library / tightship', pick(D, 'dockerfile-utils'), ts);
  say('tightship single file / bare node start', pick('Single Dockerfile', 'tightship'), pick('Single Dockerfile', 'node -e'));
  say('dclint / tightship, compose corpus', pick('Compose corpus', 'dclint'), pick('Compose corpus', 'tightship'));
  say('tightship context / find', pick('Build context', 'tightship'), pick('Build context', 'find'));
  for (const mb of [100, 1000]) {
    say(`tightship image / cat, ${mb} MB`, pick('Image (docker-save tar)', `tightship image ${mb} MB`), pick('Image (docker-save tar)', `cat ${mb} MB`), 2);
    say(`tightship image --no-verify / cat, ${mb} MB`, pick('Image (docker-save tar)', `tightship image --no-verify ${mb} MB`), pick('Image (docker-save tar)', `cat ${mb} MB`), 2);
    say(`tightship image / sha256sum, ${mb} MB`, pick('Image (docker-save tar)', `tightship image ${mb} MB`), pick('Image (docker-save tar)', `sha256sum ${mb} MB`));
  }
  const single = pick('Single Dockerfile', 'tightship');
  if (single) out.push(`- single Dockerfile wall: ${fmt(single.median)} — target ≤ 150 ms ${single.median <= 0.15 ? 'met' : 'MISSED'}`);
  const compose = pick('Compose corpus', 'tightship');
  if (compose) out.push(`- compose corpus wall: ${fmt(compose.median)} — target ≤ 0.3 s ${compose.median <= 0.3 ? 'met' : 'MISSED'}`);
  const ctx = pick('Build context', 'tightship');
  if (ctx) out.push(`- 100,000-file context: ${fmt(ctx.median)} — target about 1 s`);
  const i100 = pick('Image (docker-save tar)', 'tightship image 100 MB');
  const i1000 = pick('Image (docker-save tar)', 'tightship image 1000 MB');
  if (i100 && i1000) out.push(`- image peak RSS: ${i100.rssMb.toFixed(0)} MB (100 MB image) vs ${i1000.rssMb.toFixed(0)} MB (1 GB image) — target ≤ 150 MB and flat`);
  return out;
}

function table(rows: Row[]): string {
  const lines = ['| section | tool | median | min–max | peak RSS | exit | notes |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.section} | ${r.tool} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.rssMb.toFixed(0)} MB | ${r.exit} | ${r.note} |`);
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

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`;
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Measured ${date} on ${machine}, Node ${process.version}; median of ${RUNS} runs after one warm-up (whole processes, wall time; peak RSS from the kernel's rusage).`,
    '',
    table(rows),
    '',
    '**Ratios and targets**',
    '',
    ...ratioNotes(rows),
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

mainBench().catch((err: Error) => {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exitCode = 1;
});
