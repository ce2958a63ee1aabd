// ShellCheck over the corpus: one process per batch of scripts vs one process per RUN.
//   TIGHTSHIP_CORPUS=/work/shared/corpus/real-world node dist/bench/hadolint-parity/shellcheck-batch.js [LIMIT]
// Prints the wall time of each mode and checks both give the same findings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';
import { dockerfileScripts, runShellcheck, type ShellcheckFinding, type ShellScript } from '../../src/targets/dockerfile/shellcheck.js';

function dockerfiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) dockerfiles(p, out);
    else if (e.isFile() && /(^|\.)dockerfile$|^dockerfile(\.|$)/i.test(e.name) && statSync(p).size < 2 * 1024 * 1024) out.push(p);
  }
  return out;
}

const corpus = process.env.TIGHTSHIP_CORPUS ?? '/work/shared/corpus/real-world';
const limit = Number(process.argv[2] ?? Infinity);
const files = dockerfiles(corpus).sort().slice(0, limit);
const perFile: ShellScript[][] = files.map((f) => {
  const text = readFileSync(f, 'utf8');
  return dockerfileScripts(parseDockerfile(text, { path: f, buildArgs: {} }));
});
const scripts = perFile.flat();
const key = (fs: ShellcheckFinding[]) => JSON.stringify(fs.map((f) => [f.script, f.code, f.range.start.offset, f.range.end.offset]).sort());

async function timed(label: string, fn: () => Promise<{ findings: ShellcheckFinding[]; processes: number }>) {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(`${label}: ${s.toFixed(2)} s, ${r.processes} process(es), ${r.findings.length} findings\n`);
  return { s, r };
}
const ok = async (p: ReturnType<typeof runShellcheck>) => {
  const r = await p;
  if (r.status !== 'ok') throw new Error(r.message);
  return r;
};

process.stdout.write(`${files.length} Dockerfiles, ${scripts.length} scripts (RUN bodies and heredocs)\n`);
const batch = await timed('one process per batch (400 scripts)', () => ok(runShellcheck(scripts)));
// per Dockerfile: what a lint of one file at a time costs (one process per file)
const perDockerfile = await timed('one process per Dockerfile', async () => {
  let processes = 0, n = 0;
  const findings: ShellcheckFinding[] = [];
  for (const s of perFile) {
    const r = await ok(runShellcheck(s));
    processes += r.processes;
    findings.push(...r.findings.map((f) => ({ ...f, script: f.script + n })));
    n += s.length;
  }
  return { findings, processes };
});
const perRun = await timed('one process per RUN', () => ok(runShellcheck(scripts, { batchSize: 1 })));
process.stdout.write(`same findings: batch = per-RUN ${key(batch.r.findings) === key(perRun.r.findings)}, batch = per-Dockerfile ${key(batch.r.findings) === key(perDockerfile.r.findings)}\n`);
process.stdout.write(`per-RUN / batch: ${(perRun.s / batch.s).toFixed(1)}×\n`);
