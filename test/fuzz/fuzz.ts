// Generator-driven fuzzing of the whole CLI, for the corpus test command:
//   TIGHTSHIP_CORPUS=/path/to/real-world node dist/test/fuzz/fuzz.js
// Env: TIGHTSHIP_FUZZ_SEED (default 17), TIGHTSHIP_FUZZ_SECONDS (time budget, default 60),
//      TIGHTSHIP_FUZZ_TIMEOUT (seconds per input, default 20).
// Inputs: mutated corpus Dockerfiles and compose files, generated shell in RUN lines, generated
// images (docker-save tars with configs of every shape). Every input carries a planted secret.
// Each input is audited by the built CLI in its own process; the run fails on a crash ("internal
// error", a stack trace, an exit code other than 0, 1 or 2, a signal), a hang (the per-input
// timeout) or a leak (the planted secret in full in any output). Failing inputs are kept in
// TIGHTSHIP_FUZZ_KEEP (default: a temp folder) and named in the summary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerSave, makeTar } from '../targets/image/build.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const seed = Number(process.env.TIGHTSHIP_FUZZ_SEED ?? 17);
const budgetMs = Number(process.env.TIGHTSHIP_FUZZ_SECONDS ?? 60) * 1000;
const perInputMs = Number(process.env.TIGHTSHIP_FUZZ_TIMEOUT ?? 20) * 1000;
const corpus = process.env.TIGHTSHIP_CORPUS;

/** mulberry32: a small seeded generator, so a run is reproducible from its seed. */
function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(seed);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

// planted secrets, assembled so that this file holds none in one piece
const SECRETS = [
  ['gh', 'p_', 'Fz9QmT2xLw8RkP4vN7cY1bH6jD3sG5aE0uKq'].join(''),
  ['AKIA', 'Z7Q2M4XQLJK3P5RW'].join(''),
  ['sk_live_', '51HfQzT2xLw8RkP4vN7cY1bH6'].join(''),
];

const HOSTILE_SNIPPETS = [
  '${A:-'.repeat(200) + 'x' + '}'.repeat(200), '*a*a*a*a*a*a*a*a*a*a*a*b', '\u001b[31m', '\r\n', '\\', '$(', '`', '"', "'", '<<EOF', '\u0000',
  'for f in *.txt 2>/dev/null; do echo $f; done', '&a', '*a', '[', ']', '{', '}', '\uFEFF', '\uD800', 'é', '${', '$$',
];

function mutate(text: string): string {
  let t = text;
  const n = 1 + int(6);
  for (let i = 0; i < n; i++) {
    const at = int(t.length + 1);
    switch (int(7)) {
      case 0: t = t.slice(0, at) + pick(HOSTILE_SNIPPETS) + t.slice(at); break; // insert
      case 1: t = t.slice(0, at) + t.slice(at + 1 + int(40)); break; // delete
      case 2: { const lines = t.split('\n'); const l = int(lines.length); lines.splice(l, 0, ...Array<string>(1 + int(50)).fill(lines[l] ?? '')); t = lines.join('\n'); break; } // repeat a line
      case 3: t = t.slice(0, at); break; // truncate
      case 4: t = t.slice(0, at) + String.fromCharCode(int(0x80)) + t.slice(at + 1); break; // flip
      case 5: { const lines = t.split('\n'); lines.sort(() => rand() - 0.5); t = lines.join('\n'); break; } // shuffle
      default: t = t.replace(/\n/g, rand() < 0.5 ? '\r\n' : '\n'); // line endings
    }
  }
  return t;
}

const WORDS = ['apt-get', 'install', '-y', 'curl', 'npm', 'ci', 'pip', 'install', 'echo', 'cd', '/app', 'x', '$HOME', '"a b"', "'c'", '*.txt', '2>/dev/null', '>', '<', '|', '&&', '||', ';', '(', ')', '{', '}', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', 'select', 'while', 'sudo', 'chmod', '777', 'wget', '-O-', 'sh', '\\\n'];

function generatedShell(): string {
  const n = 1 + int(40);
  return Array.from({ length: n }, () => pick(WORDS)).join(' ');
}

function generatedDockerfile(secret: string): string {
  const lines = [`FROM ${pick(['alpine:3.20', 'node:22-slim', 'scratch', 'debian@sha256:' + 'a'.repeat(64), '$BASE'])}`];
  for (let i = 0, n = 1 + int(12); i < n; i++) {
    lines.push(pick([
      `RUN ${generatedShell()}`, `ENV TOKEN=${secret}`, `CMD node server.js --token ${secret}`, `USER ${pick(['root', '1000', 'app', '$U'])}`,
      `COPY ${pick(['.', '*.json', 'src', '[a-z]*', '**'])} /app/`, `WORKDIR /${secret}`, `EXPOSE ${pick(['80', '8000/tcp', secret])}`,
      `ARG PASSWORD=${secret}`, `HEALTHCHECK CMD ${generatedShell()}`, `RUN curl -u user:${secret} https://example.org/`,
    ]));
  }
  return lines.join('\n') + '\n';
}

function generatedCompose(secret: string): string {
  const svc = (i: number) => `  s${i}:\n    image: ${pick(['nginx:1.27', 'redis', '${IMG:-x}'])}\n    environment:\n      PASSWORD: "${secret}"\n      A: ${pick(['$$x', '${B:?err}', '${C:-${D}}', 'plain'])}\n    ${pick(['privileged: true', 'user: "1000"', 'read_only: true', 'ports: ["80:80"]', 'cap_add: [ALL]'])}\n`;
  return `${pick(['', 'x-a: &a {image: x}\n'])}services:\n${Array.from({ length: 1 + int(5) }, (_, i) => svc(i)).join('')}`;
}

function generatedImage(secret: string): Buffer {
  const history = pick<unknown>([null, {}, 'x', [null], [{ created_by: `RUN echo ${secret}` }], [{ created_by: 7, empty_layer: 'yes' }]]);
  const files = [
    { name: 'etc/passwd', data: pick(['root:x:0:0:root:/root:/bin/sh\n', '', ':::::\n', 'app:x:1000:1000::/home/app:/bin/sh\n']) },
    { name: pick(['app/.env', 'root/.ssh/id_rsa', 'app/config.json']), data: `TOKEN=${secret}\n` },
    { name: 'var/lib/dpkg/status', data: pick(['', 'Package: a\nVersion: 1\nStatus: install ok installed\n\n', 'garbage\n\n\n']) },
  ];
  const spec = { layers: [makeTar(files)], config: pick<Record<string, unknown>>([{ User: 'root', Env: [`TOKEN=${secret}`] }, { Cmd: [`--token=${secret}`] }, {}]) };
  (spec as { history?: unknown }).history = history;
  return dockerSave([spec]);
}

interface Failure { kind: 'crash' | 'hang' | 'leak'; input: string; detail: string }

function runCli(args: string[], cwd: string): { out: string; status: number | null; signal: string | null; timedOut: boolean } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: perInputMs, maxBuffer: 64 << 20 });
  const error: NodeJS.ErrnoException | undefined = r.error;
  const timedOut = error?.code === 'ETIMEDOUT';
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed string, but null when the process could not start
  return { out: `${r.stdout ?? ''}\n${r.stderr ?? ''}`, status: r.status, signal: r.signal, timedOut };
}

function check(kind: string, dir: string, args: string[], secret: string, failures: Failure[]): void {
  for (const format of ['pretty', 'json', 'sarif']) {
    const r = runCli([...args, '--format', format, '--fail-on', 'none'], dir);
    const input = `${kind} ${dir} (${args.join(' ')} --format ${format})`;
    if (r.timedOut) { failures.push({ kind: 'hang', input, detail: `no answer in ${perInputMs / 1000} s` }); return; }
    if (r.signal || (r.status !== 0 && r.status !== 1 && r.status !== 2)) failures.push({ kind: 'crash', input, detail: `exit ${r.status} signal ${r.signal}` });
    else if (/internal error|\n\s+at .+:\d+:\d+\)?\n|Maximum call stack|heap out of memory/.test(r.out)) failures.push({ kind: 'crash', input, detail: r.out.split('\n').find((l) => /internal error|at |Maximum|heap/.test(l)) ?? '' });
    if (r.out.includes(secret)) failures.push({ kind: 'leak', input, detail: `the planted secret appears in the ${format} output` });
  }
}

function corpusFiles(list: string): string[] {
  if (!corpus) return [];
  const p = join(corpus, list);
  return existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter(Boolean).map((f) => join(corpus, f)) : [];
}

function main(): number {
  const dockerfiles = corpusFiles('dockerfiles.txt');
  const composeFiles = corpusFiles('compose-files.txt');
  if (!corpus) process.stderr.write('TIGHTSHIP_CORPUS is not set: only generated inputs are used\n');
  const work = mkdtempSync(join(tmpdir(), 'tightship-fuzz-'));
  const keep = process.env.TIGHTSHIP_FUZZ_KEEP ?? mkdtempSync(join(tmpdir(), 'tightship-fuzz-failures-'));
  const failures: Failure[] = [];
  const counts: Record<string, number> = {};
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < budgetMs) {
    const secret = pick(SECRETS);
    const dir = join(work, String(i++));
    mkdirSync(dir, { recursive: true });
    const kind = pick(['dockerfile', 'dockerfile', 'compose', 'shell', 'image'] as const);
    counts[kind] = (counts[kind] ?? 0) + 1;
    let args: string[];
    if (kind === 'dockerfile') {
      const base = dockerfiles.length && rand() < 0.7 ? readFileSync(pick(dockerfiles), 'utf8') : generatedDockerfile(secret);
      writeFileSync(join(dir, 'Dockerfile'), `${mutate(base)}\nENV API_TOKEN=${secret}\n`);
      writeFileSync(join(dir, '.env'), `TOKEN=${secret}\n`);
      if (rand() < 0.3) writeFileSync(join(dir, '.dockerignore'), mutate('node_modules\n*.log\n!keep.log\n**/a*a*a*a*b\n'));
      args = ['lint', 'Dockerfile'];
    } else if (kind === 'compose') {
      const base = composeFiles.length && rand() < 0.7 ? readFileSync(pick(composeFiles), 'utf8') : generatedCompose(secret);
      writeFileSync(join(dir, 'compose.yaml'), `${mutate(base)}\nx-planted:\n  password: "${secret}"\n`);
      args = ['lint', 'compose.yaml'];
    } else if (kind === 'shell') {
      const lines = Array.from({ length: 1 + int(20) }, () => `RUN ${generatedShell()}`);
      writeFileSync(join(dir, 'Dockerfile'), `FROM alpine:3.20\n${lines.join('\n')}\nRUN echo ${secret} | docker login --password-stdin\n`);
      args = ['lint', 'Dockerfile'];
    } else {
      writeFileSync(join(dir, 'image.tar'), generatedImage(secret));
      args = ['image', 'image.tar'];
    }
    const before = failures.length;
    check(kind, dir, args, secret, failures);
    if (failures.length > before) {
      const dest = join(keep, String(i - 1));
      mkdirSync(dirname(dest), { recursive: true });
      spawnSync('cp', ['-r', dir, dest]);
      for (const f of failures.slice(before)) f.input = f.input.replace(dir, dest);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  const byKind = (k: Failure['kind']) => failures.filter((f) => f.kind === k).length;
  process.stdout.write(`fuzz: seed ${seed}, ${i} inputs (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}) in ${Math.round((Date.now() - start) / 1000)} s: ` +
    `${byKind('crash')} crashes, ${byKind('hang')} hangs, ${byKind('leak')} leaks\n`);
  for (const f of failures.slice(0, 50)) process.stdout.write(`  ${f.kind}: ${f.input}: ${f.detail}\n`);
  if (failures.length === 0) rmSync(keep, { recursive: true, force: true });
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = main();
