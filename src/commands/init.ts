// `tightship init [DIR]`: detect the project's stack (Node with an npm lockfile, Python with
// requirements.txt or pyproject.toml, Go modules, a static site) and write a hardened Dockerfile,
// .dockerignore and compose.yaml (init-templates.ts). Never writes over an existing file: they are
// listed and nothing is written unless --force; --dry-run prints the files instead.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../io.js';
import { UserError } from '../engine/types.js';
import { flagSet, flagValue, parseArgs } from './args.js';
import { writeFileAtomic } from './output.js';
import { imageName, scaffold, stackTitle, type ScaffoldFile, type Stack } from './init-templates.js';

export const INIT_USAGE = `Usage: tightship init [DIR] [--dry-run] [--force] [--port N] [--name NAME]

Detects the stack of the project in DIR (default: the current folder) and writes a hardened
Dockerfile, .dockerignore and compose.yaml:
  Node.js     package.json with package-lock.json or npm-shrinkwrap.json
  Python      requirements.txt or pyproject.toml
  Go          go.mod
  static site index.html in ., public/, dist/, build/, site/ or _site/
Existing files are never replaced: init lists them and writes nothing.
  --dry-run   print the files on stdout; write nothing
  --force     replace existing files
  --port N    the port the service listens on (default: 3000 Node, 8000 Python, 8080 Go and static)
  --name NAME the image name (default: the package's or the folder's name)
`;

const DEFAULT_PORTS: Record<Stack['kind'], number> = { node: 3000, python: 8000, go: 8080, static: 8080 };
const STATIC_ROOTS = ['.', 'public', 'dist', 'build', 'site', '_site'];

async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new UserError(`cannot read ${file}: ${code ?? String(err)}`);
  }
}

async function isFile(file: string): Promise<boolean> {
  const st = await fs.stat(file).catch(() => null);
  return Boolean(st?.isFile());
}

interface Detected { stack: Stack; name: string | null; source: string | null }

function repositoryUrl(pkg: Record<string, unknown>): string | null {
  const repo = pkg.repository;
  const url = typeof repo === 'string' ? repo : typeof repo === 'object' && repo !== null ? (repo as { url?: unknown }).url : undefined;
  if (typeof url !== 'string') return null;
  const https = url.replace(/^git\+/, '').replace(/^git@([^:]+):/, 'https://$1/').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
  return /^https:\/\/[^\s"'$`\\]+$/.test(https) ? https : null;
}

async function detectNode(dir: string, text: string): Promise<Detected> {
  let pkg: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    pkg = parsed as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`package.json is not valid JSON: ${(err as Error).message}`, 'fix package.json, then run init again');
  }
  const lockfile = (await isFile(path.join(dir, 'package-lock.json'))) ? 'package-lock.json'
    : (await isFile(path.join(dir, 'npm-shrinkwrap.json'))) ? 'npm-shrinkwrap.json' : null;
  if (!lockfile) {
    const other = ['yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];
    for (const o of other) {
      if (await isFile(path.join(dir, o))) throw new UserError(`${o} found: init writes Dockerfiles for npm lockfiles only`, 'create package-lock.json (npm install --package-lock-only)');
    }
    throw new UserError('package.json has no lockfile beside it: the image must install exactly what was tested', 'run npm install to create package-lock.json, then run init again');
  }
  const scripts = (typeof pkg.scripts === 'object' && pkg.scripts !== null ? pkg.scripts : {}) as Record<string, unknown>;
  let entry: string | null = typeof pkg.main === 'string' && pkg.main.trim() ? pkg.main.trim() : null;
  const start = typeof scripts.start === 'string' ? /^node\s+([^\s;&|]+)\s*$/.exec(scripts.start.trim()) : null;
  if (start?.[1]) entry = start[1];
  if (!entry) {
    for (const candidate of ['server.js', 'index.js', 'app.js', 'main.js']) {
      if (await isFile(path.join(dir, candidate))) { entry = candidate; break; }
    }
  }
  if (!entry) throw new UserError('cannot tell how the service starts: package.json has no "main" and no "start": "node FILE" script', 'set "main" in package.json, then run init again');
  return {
    stack: { kind: 'node', lockfile, entry: entry.replace(/^\.\//, ''), build: typeof scripts.build === 'string' },
    name: typeof pkg.name === 'string' ? pkg.name : null,
    source: repositoryUrl(pkg),
  };
}

async function detectPython(dir: string, requirements: boolean, pyprojectText: string | null): Promise<Detected> {
  let name: string | null = null;
  let command: string[] | null = null;
  if (pyprojectText !== null) {
    const { parse } = await import('smol-toml');
    let doc: Record<string, unknown>;
    try {
      doc = parse(pyprojectText);
    } catch (err) {
      throw new UserError(`pyproject.toml does not parse: ${(err as Error).message.split('\n')[0]}`, 'fix pyproject.toml, then run init again');
    }
    const project = (doc.project ?? {}) as { name?: unknown; scripts?: Record<string, unknown> };
    if (typeof project.name === 'string') name = project.name;
    const script = Object.keys(project.scripts ?? {})[0];
    if (script) command = [script];
  }
  if (!command) {
    for (const candidate of ['main.py', 'app.py', 'server.py']) {
      if (await isFile(path.join(dir, candidate))) { command = ['python', candidate]; break; }
    }
  }
  if (!command) throw new UserError('cannot tell how the service starts: no [project.scripts] in pyproject.toml and no main.py, app.py or server.py', 'add main.py (or a [project.scripts] entry), then run init again');
  return { stack: { kind: 'python', requirements, pyproject: pyprojectText !== null && !requirements, command }, name, source: null };
}

async function hasMainPackage(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.go') || e.name.endsWith('_test.go')) continue;
    const text = await readText(path.join(dir, e.name));
    if (text && /^\s*package\s+main\b/m.test(text)) return true;
  }
  return false;
}

async function detectGo(dir: string, goMod: string): Promise<Detected> {
  const module = /^\s*module\s+(\S+)/m.exec(goMod)?.[1]?.replace(/^"|"$/g, '') ?? null;
  let mainPackage: string | null = (await hasMainPackage(dir)) ? '.' : null;
  if (!mainPackage) {
    const cmds = (await fs.readdir(path.join(dir, 'cmd'), { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const mains: string[] = [];
    for (const c of cmds) if (await hasMainPackage(path.join(dir, 'cmd', c))) mains.push(c);
    if (mains.length === 1) mainPackage = `./cmd/${mains[0]}`;
    else if (mains.length > 1) throw new UserError(`several commands under cmd/ (${mains.join(', ')}): cannot tell which one is the service`, 'run init in a project with one main package, then edit the go build line');
  }
  if (!mainPackage) throw new UserError('go.mod found but no main package (package main in . or cmd/NAME)', 'add the main package, then run init again');
  const source = module && /^github\.com\/[^/\s]+\/[^/\s]+/.test(module) ? `https://${module.split('/').slice(0, 3).join('/')}` : null;
  return { stack: { kind: 'go', goSum: await isFile(path.join(dir, 'go.sum')), mainPackage }, name: module ? module.split('/').pop() ?? null : null, source };
}

/** What the project is, from its files (the first stack found in the order of the usage text). */
export async function detect(dir: string): Promise<Detected> {
  const pkg = await readText(path.join(dir, 'package.json'));
  if (pkg !== null) {
    // a package.json that only builds a site (no server entry) is still a Node project here
    return detectNode(dir, pkg);
  }
  const requirements = await isFile(path.join(dir, 'requirements.txt'));
  const pyproject = await readText(path.join(dir, 'pyproject.toml'));
  if (requirements || pyproject !== null) return detectPython(dir, requirements, pyproject);
  const goMod = await readText(path.join(dir, 'go.mod'));
  if (goMod !== null) return detectGo(dir, goMod);
  for (const root of STATIC_ROOTS) {
    if (await isFile(path.join(dir, root, 'index.html'))) return { stack: { kind: 'static', root }, name: null, source: null };
  }
  throw new UserError(`no project found in ${dir}: no package.json, requirements.txt, pyproject.toml, go.mod or index.html`,
    'run init in the project folder, or name it: tightship init DIR');
}

function parsePort(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UserError(`--port must be a number from 1 to 65535, not '${raw}'`);
  return n;
}

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, { force: {}, 'dry-run': {}, port: { value: true }, name: { value: true }, help: { alias: 'h' } }, 'init');
  if (flagSet(args, 'help')) {
    io.stdout(INIT_USAGE);
    return 0;
  }
  const dirArg = args.positional.at(0);
  const extra = args.positional.at(1);
  if (extra !== undefined) throw new UserError(`unexpected argument '${extra}'`, "run 'tightship init --help'");
  const dir = path.resolve(io.cwd, dirArg ?? '.');
  const st = await fs.stat(dir).catch(() => null);
  if (!st) throw new UserError(`${dirArg ?? dir}: no such folder`);
  if (!st.isDirectory()) throw new UserError(`${dirArg ?? dir} is not a folder`, 'give the project folder');

  const found = await detect(dir);
  const port = parsePort(flagValue(args, 'port')) ?? DEFAULT_PORTS[found.stack.kind];
  if (found.stack.kind === 'static' && port !== 8080) throw new UserError('--port: the static site image serves on 8080 (nginx, unprivileged)');
  const nameFlag = flagValue(args, 'name');
  const name = imageName(nameFlag ?? found.name ?? path.basename(dir));
  if (nameFlag !== undefined && name !== nameFlag) throw new UserError(`--name '${nameFlag}' is not an image name`, `use lower-case letters, digits, '.', '_' and '-', e.g. '${name}'`);
  const files: ScaffoldFile[] = scaffold({ stack: found.stack, name, port, source: found.source });

  if (flagSet(args, 'dry-run')) {
    for (const f of files) io.stdout(`==> ${f.path} <==\n${f.text}\n`);
    return 0;
  }
  const existing: string[] = [];
  for (const f of files) {
    if (await fs.lstat(path.join(dir, f.path)).then(() => true, () => false)) existing.push(f.path);
  }
  if (existing.length && !flagSet(args, 'force')) {
    throw new UserError(`not overwriting ${existing.join(', ')} in ${dirArg ?? '.'}; nothing was written`,
      'use --dry-run to see the files, or --force to replace them');
  }
  for (const f of files) await writeFileAtomic(path.join(dir, f.path), f.text);
  io.stderr(`tightship: ${stackTitle(found.stack)} project; wrote ${files.map((f) => f.path).join(', ')}${existing.length ? ` (replaced ${existing.join(', ')})` : ''}\n`);
  io.stderr(`  next: docker build -t ${name} ${dirArg ?? '.'} && tightship lint ${dirArg ?? '.'}\n`);
  return 0;
}
