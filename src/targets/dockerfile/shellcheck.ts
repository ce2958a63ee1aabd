// ShellCheck over the shell scripts of a Dockerfile (RUN bodies and RUN heredocs), in one
// `shellcheck` process per batch: each script is written to its own file in a private temporary
// folder, with a first line naming its dialect (so sh, bash, dash and ksh scripts share one
// process), and the positions ShellCheck reports are mapped back to the Dockerfile.
//
// The defaults follow hadolint's, so that its users see the same codes: three codes are left out
// (SC2187, about ash being unsupported, which a Dockerfile cannot avoid; SC1090 and SC1091, about
// following `source`d files, which need a directive a Dockerfile cannot carry), the ARG and ENV
// names in force and the usual proxy variables are declared before the script (so they are not
// reported as unassigned), and scripts for other interpreters (pwsh, cmd, a python shebang) are
// not checked.
import { createHash } from 'node:crypto';
import { accessSync, constants as fsConstants, promises as fs, realpathSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Position, SourceRange } from '../../engine/types.js';
import type { DockerfileModel, Instruction } from './model.js';
import { shellcheckStore, type RawComment } from './shellcheck-cache.js';

export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

/** One script to check, as it is written in the Dockerfile. */
export interface ShellScript {
  /** The source text exactly as in the Dockerfile, from `start` on: for a RUN in shell form, the
   *  text after the keyword and flags up to the end of the instruction, with its continuation
   *  lines (escape + newline) and the comment lines inside them; for a heredoc, its body. */
  text: string;
  dialect: ShellDialect;
  /** Where `text` starts in the Dockerfile. */
  start: Position;
  /** ARG and ENV names in force: declared before the script, so not reported as unassigned. */
  variables?: readonly string[];
  /** true for a heredoc body: its lines are the script as they are (no continuation handling). */
  heredoc?: boolean;
  /** The Dockerfile's escape character (default backslash). */
  escape?: string;
}

export type ShellcheckLevel = 'error' | 'warning' | 'info' | 'style';

export interface ShellcheckFinding {
  /** Index of the script in the input list. */
  script: number;
  /** 'SC2086' */
  code: string;
  level: ShellcheckLevel;
  message: string;
  /** In the Dockerfile (end exclusive). */
  range: SourceRange;
}

export type ShellcheckResult =
  | { status: 'ok'; findings: ShellcheckFinding[]; processes: number; skipped: number[] }
  | { status: 'not-installed'; message: string }
  | { status: 'failed'; message: string };

/** What the model carries: the findings, or why there are none. */
export type ShellcheckFacts =
  | { status: 'ok'; findings: ShellcheckFinding[] }
  | { status: 'not-installed' | 'failed'; message: string };

export interface ShellcheckOptions {
  /** The binary (default `shellcheck`, found on PATH). */
  binary?: string;
  /** Codes left out (default HADOLINT_DEFAULT_EXCLUSIONS). */
  exclude?: readonly string[];
  /** Scripts per process (default 400: keeps the command line well below the system's limit). */
  batchSize?: number;
  /** Per process (default 60 s). */
  timeoutMs?: number;
  /** Processes run at once (default: the CPUs available, at most 4). */
  parallel?: number;
  /** Check every script now: neither the scripts this thread checked already nor the run's
   *  findings cache are used (nor filled). */
  fresh?: boolean;
}

/** The codes hadolint leaves out by default. */
export const HADOLINT_DEFAULT_EXCLUSIONS: readonly string[] = ['SC2187', 'SC1090', 'SC1091'];

/** Variables every build has (Docker passes the proxy settings through without an ARG). */
export const PREDEFINED_VARIABLES: readonly string[] = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy',
];

const DIALECTS: readonly ShellDialect[] = ['sh', 'bash', 'dash', 'ksh'];

/** The dialect of a SHELL instruction's argument list (["/bin/bash", "-o", "pipefail", "-c"] → bash);
 *  null for a shell ShellCheck does not read (pwsh, cmd, zsh, …). The default shell is sh. */
export function dialectOfShell(shell: readonly string[] | null | undefined): ShellDialect | null {
  if (!shell || shell.length === 0) return 'sh';
  // split gives one part at least: pop() always has one
  let prog = (shell[0].replace(/\\/g, '/').split('/').pop() ?? '').toLowerCase();
  if (prog === 'env' && shell[1]) prog = (shell[1].split('/').pop() ?? '').toLowerCase();
  if (prog === 'ash' || prog === 'busybox') return 'sh'; // hadolint checks busybox's ash as sh
  if (prog === 'mksh') return 'ksh';
  return (DIALECTS as readonly string[]).includes(prog) ? (prog as ShellDialect) : null;
}

/** The dialect named by a script's own shebang; undefined when it has none, null when the
 *  interpreter is not a shell ShellCheck reads. */
export function dialectOfShebang(text: string): ShellDialect | null | undefined {
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (!m) return undefined;
  return dialectOfShell(m[2] && m[1].endsWith('/env') ? [m[1], m[2]] : [m[1]]);
}

interface LineMap { line: number; column0: number; offset: number; text: string }

interface Prepared { script: string; lines: (LineMap | null)[] }

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

const CONTINUATIONS = new Map<string, RegExp>();

/** The escape character at the end of a line (a continued instruction), one expression per escape. */
function continuationOf(escape: string): RegExp {
  let re = CONTINUATIONS.get(escape);
  if (!re) CONTINUATIONS.set(escape, (re = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*$`)));
  return re;
}

/** The script file for one input and, per script line, where that line sits in the Dockerfile. */
export function prepareScript(s: ShellScript): Prepared | null {
  const own = s.heredoc ? dialectOfShebang(s.text) : undefined;
  if (own === null) return null; // a heredoc for another interpreter
  const dialect = own ?? s.dialect;
  const out: string[] = [];
  const lines: (LineMap | null)[] = [];
  const vars = [...PREDEFINED_VARIABLES];
  if (s.variables?.length) {
    const seen = new Set(vars);
    for (const v of s.variables) if (!seen.has(v) && IDENT.test(v)) { seen.add(v); vars.push(v); }
  }
  if (own === undefined) { out.push(`#!/bin/${dialect}`); lines.push(null); }
  const declare = () => { if (vars.length) { out.push(`export ${vars.map((v) => `${v}=1`).join(' ')}`); lines.push(null); } };
  if (own === undefined) declare();

  const escape = s.escape ?? '\\';
  const continuation = continuationOf(escape);
  let offset = s.start.offset;
  let continued = false;
  const raw = s.text.split('\n');
  raw.forEach((full, i) => {
    const lineOffset = offset;
    offset += full.length + 1;
    let text = full.endsWith('\r') ? full.slice(0, -1) : full;
    const map: LineMap = { line: s.start.line + i, column0: i === 0 ? s.start.column - 1 : 0, offset: lineOffset, text };
    if (s.heredoc) {
      out.push(text); lines.push(map);
      if (i === 0 && own !== undefined) declare(); // after the script's own shebang
      return;
    }
    // Docker drops comment lines and blank lines inside a continued instruction
    if (i > 0 && continued && /^\s*(#|$)/.test(text)) return;
    continued = continuation.test(text);
    if (continued && escape !== '\\') text = text.replace(continuation, '\\');
    else if (continued) text = text.replace(/[ \t]+$/, '');
    out.push(text); lines.push({ ...map, text });
  });
  return { script: `${out.join('\n')}\n`, lines };
}

/** UTF-16 length of the first n code points of a line (ShellCheck counts characters). */
function utf16Prefix(text: string, codePoints: number): number {
  let units = 0, n = 0;
  for (const ch of text) {
    if (n++ >= codePoints) break;
    units += ch.length;
  }
  return units + Math.max(0, codePoints - n); // past the end: one unit per column
}

function mapPosition(p: Prepared, line: number, column: number): Position | null {
  const m = p.lines[line - 1];
  if (!m) return null;
  const units = utf16Prefix(m.text, column - 1);
  return { line: m.line, column: m.column0 + units + 1, offset: m.offset + units };
}

interface Json1 { comments: (RawComment & { file: string })[] }

async function spawnShellcheck(binary: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string } | { error: NodeJS.ErrnoException }> {
  // loaded when a script is to be checked: a run whose scripts are all known spawns nothing
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    const out: Buffer[] = [], err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error: NodeJS.ErrnoException) => { resolve({ error }); });
    child.on('close', (code) => { resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }); });
  });
}

type Failure = Exclude<ShellcheckResult, { status: 'ok' }>;
/** What checking one script gave: ShellCheck's comments on it, or why it could not be checked. */
type Outcome = RawComment[] | Failure;

/** Scripts checked in this thread (by key: binary, arguments, prepared text), or being checked:
 *  a script is checked once per thread whichever path asks (a batch's chunks, a single file,
 *  compose services' Dockerfiles). Bounded: the oldest are forgotten first. */
const checked = new Map<string, Promise<Outcome>>();
const CHECKED_MAX = 20_000;

function rememberChecked(key: string, outcome: Promise<Outcome>): void {
  if (checked.size >= CHECKED_MAX) {
    // Map keeps insertion order: the first key is the oldest
    for (const k of checked.keys()) { checked.delete(k); break; }
  }
  checked.set(key, outcome);
}

/** The binary's identity for the keys, cheaply: its resolved path, size and modification time. */
function identityOf(file: string): string {
  try {
    const real = realpathSync(file);
    const st = statSync(real);
    return `${real}\u0000${st.size}\u0000${st.mtimeMs}`;
  } catch {
    return file;
  }
}

/** Runs ShellCheck over every script; one process per batch of `batchSize` scripts. A script
 *  checked already (in this thread, or by an earlier run when the run has a findings cache,
 *  shellcheck-cache.ts) is not checked again: its comments are mapped to its own place. */
export async function runShellcheck(scripts: readonly ShellScript[], opts: ShellcheckOptions = {}): Promise<ShellcheckResult> {
  const binary = opts.binary ?? 'shellcheck';
  const exclude = (opts.exclude ?? HADOLINT_DEFAULT_EXCLUSIONS).map((c) => c.replace(/^SC/i, ''));
  const batchSize = Math.max(1, opts.batchSize ?? 400);
  const prepared = scripts.map(prepareScript);
  const skipped = prepared.flatMap((p, i) => (p ? [] : [i]));
  const todo = prepared.flatMap((p, i) => (p ? [i] : []));
  if (!todo.length) return { status: 'ok', findings: [], processes: 0, skipped };

  const found = onPath(binary);
  if (found === null) return notInstalled(binary);
  const args = ['--format=json1', '--norc', '--severity=style', ...(exclude.length ? [`--exclude=${exclude.join(',')}`] : [])];
  const fresh = opts.fresh === true;
  const store = fresh ? null : shellcheckStore();
  // what ShellCheck's output depends on besides the script: the binary, the arguments and the
  // options it reads from the environment
  const prefix = JSON.stringify([identityOf(found), args, process.env.SHELLCHECK_OPTS ?? null]);
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- todo holds only the indices of prepared scripts
  const keys = new Map(todo.map((i) => [i, createHash('sha256').update(prefix).update('\u0000').update(prepared[i]!.script).digest('hex')]));
  const outcomes = new Map<string, Promise<Outcome>>();
  const need: number[] = [];
  for (const i of todo) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- every index of todo has a key
    const key = keys.get(i)!;
    if (outcomes.has(key)) continue;
    const known = fresh ? undefined : checked.get(key);
    if (known) { outcomes.set(key, known); continue; }
    const kept = store?.get(key);
    if (kept) {
      const p = Promise.resolve(kept);
      outcomes.set(key, p);
      rememberChecked(key, p);
      continue;
    }
    outcomes.set(key, Promise.resolve([])); // replaced below, once its batch is known
    need.push(i);
  }

  const batches: number[][] = [];
  for (let b = 0; b < need.length; b += batchSize) batches.push(need.slice(b, b + batchSize));
  if (batches.length) {
    // every script's outcome is known (as a promise) before any process starts, so that a call
    // meanwhile waits for these processes instead of starting its own
    const settle: ((r: Map<number, RawComment[]> | Failure) => void)[] = [];
    batches.forEach((batch) => {
      const done = new Promise<Map<number, RawComment[]> | Failure>((resolve) => { settle.push(resolve); });
      for (const i of batch) {
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- every index of todo has a key
        const key = keys.get(i)!;
        const outcome = done.then((r): Outcome => (r instanceof Map ? r.get(i) ?? [] : r));
        outcomes.set(key, outcome);
        if (!fresh) rememberChecked(key, outcome);
      }
    });
    await runBatches(batches, prepared, binary, args, opts, settle);
  }

  const results = new Map<string, Outcome>();
  for (const [key, p] of outcomes) results.set(key, await p);
  for (const r of results.values()) {
    if (!Array.isArray(r)) {
      // not cached: a later call tries again
      for (const [key, o] of results) if (!Array.isArray(o)) checked.delete(key);
      return r;
    }
  }
  if (store) for (const i of need) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- every index of todo has a key
    const key = keys.get(i)!;
    store.set(key, results.get(key) as RawComment[]);
  }
  const findings: ShellcheckFinding[] = [];
  for (const i of todo) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- every index of todo has a key and a prepared script
    findings.push(...mapComments(i, prepared[i]!, results.get(keys.get(i)!) as RawComment[]));
  }
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code) || a.script - b.script);
  return { status: 'ok', findings, processes: batches.length, skipped };
}

/** The batches' processes, `parallel` at a time, in a private temporary folder; settles each
 *  batch's promise with its comments by script index (or the failure). */
async function runBatches(
  batches: readonly number[][], prepared: readonly (Prepared | null)[], binary: string, args: readonly string[],
  opts: ShellcheckOptions, settle: readonly ((r: Map<number, RawComment[]> | Failure) => void)[],
): Promise<void> {
  let dir: string;
  try {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tightship-shellcheck-'));
  } catch (err) {
    // a read-only root file system (a container run with --read-only and no /tmp mount)
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const failure: Failure = { status: 'failed', message: `ShellCheck was not run: its scripts cannot be written under ${os.tmpdir()} (${code}); set TMPDIR to a writable folder or turn it off with --no-shellcheck` };
    for (const s of settle) s(failure);
    return;
  }
  try {
    const parallel = Math.max(1, Math.min(opts.parallel ?? Math.min(4, os.availableParallelism()), batches.length));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const k = next++;
        let r: Map<number, RawComment[]> | Failure;
        try {
          r = await checkBatch(batches[k], prepared, dir, binary, args, opts.timeoutMs ?? 60_000);
        } catch (err) {
          r = { status: 'failed', message: `cannot run ${binary}: ${err instanceof Error ? err.message : String(err)}` };
        }
        settle[k](r);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function notInstalled(binary: string): Failure {
  return { status: 'not-installed', message: `ShellCheck is not installed ('${binary}' is not on PATH): RUN lines were not checked for SC codes; install it (apt-get install shellcheck) or turn it off with --no-shellcheck` };
}

/** The binary's file when it can be run: a path that exists, or a name found in a PATH folder;
 *  else null. Asked synchronously: a few system calls, where the promise API would load its
 *  module (and cost a thread-pool turn per folder) in a run that otherwise never needs it. */
function onPath(binary: string): string | null {
  const runnable = (file: string) => {
    try {
      accessSync(file, fsConstants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (binary.includes('/')) return runnable(binary) ? binary : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && runnable(path.join(dir, binary))) return path.join(dir, binary);
  }
  return null;
}

/** One ShellCheck process over a batch of prepared scripts: its comments by script index. */
async function checkBatch(
  batch: number[], prepared: readonly (Prepared | null)[], dir: string, binary: string, args: readonly string[], timeoutMs: number,
): Promise<Map<number, RawComment[]> | Failure> {
  const files = batch.map((i) => path.join(dir, `${i}.sh`));
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a batch holds only the indices of prepared scripts
  await Promise.all(batch.map((i, k) => fs.writeFile(files[k], prepared[i]!.script, { mode: 0o600 })));
  const r = await spawnShellcheck(binary, [...args, '--', ...files], timeoutMs);
  if ('error' in r) {
    if (r.error.code === 'ENOENT') return notInstalled(binary);
    return { status: 'failed', message: `cannot run ${binary}: ${r.error.code ?? r.error.message}` };
  }
  let data: Json1;
  try {
    data = JSON.parse(r.stdout) as Json1;
  } catch {
    const why = r.code === null ? 'timed out or was killed' : `exited with ${r.code}`;
    return { status: 'failed', message: `${binary} ${why}: ${r.stderr.trim().split('\n')[0] || 'no JSON output'}` };
  }
  const byFile = new Map(files.map((f, k) => [f, batch[k]]));
  const out = new Map<number, RawComment[]>(batch.map((i) => [i, []]));
  for (const c of data.comments) {
    const index = byFile.get(c.file);
    if (index === undefined) continue;
    out.get(index)?.push({ line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn, level: c.level, code: c.code, message: c.message });
  }
  return out;
}

/** A script's comments as findings at its place in the Dockerfile. */
function mapComments(index: number, p: Prepared, comments: readonly RawComment[]): ShellcheckFinding[] {
  const findings: ShellcheckFinding[] = [];
  for (const c of comments) {
    const start = mapPosition(p, c.line, c.column);
    if (!start) continue; // a comment on the declarations we added
    const end = mapPosition(p, c.endLine, c.endColumn) ?? start;
    findings.push({
      script: index,
      code: `SC${c.code}`,
      level: (['error', 'warning', 'info', 'style'].includes(c.level) ? c.level : 'error') as ShellcheckLevel,
      message: c.message,
      range: { start, end: end.line < start.line || (end.line === start.line && end.column < start.column) ? start : end },
    });
  }
  return findings;
}

/** A script of a Dockerfile and the instruction it belongs to. */
export interface DockerfileScript extends ShellScript {
  /** The RUN (or ONBUILD RUN) instruction. */
  instruction: Instruction;
}

const runBody = /^\s*RUN\b/i;

function declaredNames(i: Instruction): string[] {
  const args = i.args.trim();
  if (i.keyword === 'ARG') return args.split(/\s+/).map((w) => w.split('=')[0]).filter((w) => IDENT.test(w));
  if (i.keyword !== 'ENV') return [];
  const first = args.split(/\s+/)[0] ?? '';
  if (!first.includes('=')) return IDENT.test(first) ? [first] : [];
  return [...args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]);
}

/** Every shell script of a Dockerfile with the dialect of the SHELL in force (inherited from the
 *  stage it is built FROM) and the ARG/ENV names declared before it. RUNs in exec (JSON) form and
 *  RUNs under a shell ShellCheck does not read are left out. Pure: reads only the model. */
export function dockerfileScripts(model: DockerfileModel): DockerfileScript[] {
  const out: DockerfileScript[] = [];
  const lineStart = model.lineStarts;
  const endOf = new Map<number, { dialect: ShellDialect | null; vars: string[] }>();
  for (const stage of model.stages) {
    const inherited = stage.baseStage !== null ? endOf.get(stage.baseStage) : undefined;
    let dialect: ShellDialect | null = inherited ? inherited.dialect : 'sh';
    const vars = new Set(inherited?.vars ?? []);
    for (const i of stage.instructions) {
      if (i.keyword === 'SHELL' && i.json) dialect = dialectOfShell(i.json);
      for (const v of declaredNames(i)) vars.add(v);
      const onbuildRun = i.keyword === 'ONBUILD' && runBody.test(i.args);
      if (i.keyword !== 'RUN' && !onbuildRun) continue;
      if (dialect === null || (i.keyword === 'RUN' && i.json)) continue;
      const common = { dialect, variables: [...vars], escape: model.escape, instruction: i };
      if (i.heredocs.length) {
        for (const h of i.heredocs) {
          out.push({ ...common, text: h.body, heredoc: true, start: { line: h.bodyStartLine, column: 1, offset: lineStart[h.bodyStartLine - 1] ?? 0 } });
        }
        continue;
      }
      let start = i.argsRange.start;
      let text = model.text.slice(start.offset, i.range.end.offset);
      if (onbuildRun) {
        // RUN, its flags, then the script (ONBUILD RUN["…"] has no blank before the JSON form)
        const m = /^\s*RUN\b\s*(?:--\S+\s+)*/i.exec(text);
        if (!m || /^\s*\[/.test(text.slice(m[0].length))) continue; // ONBUILD RUN in exec form
        const skipped = text.slice(0, m[0].length);
        const nl = skipped.lastIndexOf('\n');
        start = {
          line: start.line + (skipped.match(/\n/g)?.length ?? 0),
          column: nl < 0 ? start.column + skipped.length : skipped.length - nl,
          offset: start.offset + skipped.length,
        };
        text = text.slice(m[0].length);
      }
      out.push({ ...common, text, start });
    }
    endOf.set(stage.index, { dialect, vars: [...vars] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The load step: ShellCheck's facts for a model, from a run's cache (filled for every Dockerfile of
// the run at once, so the whole run costs one process per batch) or checked on the spot.

const NOTICE = '\u0000notice';

/** The facts of a model's scripts, given its scripts' results (findings of scripts[i] only). */
function factsOf(r: ShellcheckResult): ShellcheckFacts {
  return r.status === 'ok' ? { status: 'ok', findings: r.findings } : r;
}

/** ShellCheck's facts for several models at once: all their scripts in one process per batch. */
export async function shellcheckModels(models: readonly DockerfileModel[], opts: ShellcheckOptions = {}): Promise<ShellcheckFacts[]> {
  const perModel = models.map(dockerfileScripts);
  const all = perModel.flat();
  const r = await runShellcheck(all, opts);
  if (r.status !== 'ok') return models.map(() => factsOf(r));
  // each finding to its model, in one pass (the run's scripts are the models' scripts in order)
  const owner: number[] = [];
  const firstOf: number[] = [];
  perModel.forEach((scripts, m) => {
    firstOf.push(owner.length);
    for (let k = 0; k < scripts.length; k++) owner.push(m);
  });
  const findings: ShellcheckFinding[][] = models.map(() => []);
  for (const f of r.findings) {
    const m = owner.at(f.script);
    if (m === undefined) continue;
    // the run's findings are its own objects (mapComments): renumbered in place
    f.script -= firstOf[m];
    findings[m].push(f);
  }
  return findings.map((list) => ({ status: 'ok', findings: list }));
}

/** Fills a run's cache with the facts of every model given (keyed by the Dockerfile's text). */
export async function prefetchShellcheck(models: readonly DockerfileModel[], cache: Map<string, unknown>, opts: ShellcheckOptions = {}): Promise<void> {
  const seen = new Set<string>();
  const todo = models.filter((m) => {
    if (seen.has(m.text)) return false;
    seen.add(m.text);
    return !cache.has(m.text);
  });
  if (!todo.length) return;
  const facts = await shellcheckModels(todo, opts);
  todo.forEach((m, i) => { remember(cache, m.text, facts[i]); });
}

function remember(cache: Map<string, unknown>, text: string, facts: ShellcheckFacts): void {
  cache.set(text, facts);
  if (facts.status !== 'ok' && !cache.has(NOTICE)) cache.set(NOTICE, facts.message);
}

/** The facts for one model: from the cache when the run checked its text already, else now. */
export async function shellcheckFacts(model: DockerfileModel, cache?: Map<string, unknown>, opts: ShellcheckOptions = {}): Promise<ShellcheckFacts> {
  const known = cache?.get(model.text) as ShellcheckFacts | undefined;
  if (known) return known;
  const [facts] = await shellcheckModels([model], opts);
  if (cache) remember(cache, model.text, facts);
  return facts;
}

/** The one line a run prints when ShellCheck could not run (not installed, failed), or null. */
export function shellcheckNotice(cache: Map<string, unknown>): string | null {
  const n = cache.get(NOTICE);
  return typeof n === 'string' ? n : null;
}
