// The Dockerfile auditor: read the file → parse (dockerfileTarget.load) → build-context audit →
// the engine's pipeline (rules, parse errors as findings, inline ignores, level) → one TargetResult. A file that cannot be read as a
// Dockerfile (missing, binary, not UTF-8, empty, too large) yields a result with `error`, so one
// bad file never aborts a batch.
import { auditText, readFileBytes } from '../../file-read.js';
import * as path from 'node:path';
import type { Finding, Rule, TargetRef, TargetResult } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import type { CatalogueEntry } from '../../engine/catalogue.js';
import { isLoadError } from '../../engine/target.js';
import { audit } from '../../engine/pipeline.js';
import { tightshipRules } from '../../rules/tightship/index.js';
import type { DockerfileModel } from './model.js';
import { dockerfileComments, parseErrorFindings, parseModel } from './target.js';
import { shellcheckFacts } from './shellcheck.js';

/** Real Dockerfiles are a few KB; anything this large is not one (and would only cost time). */
export const MAX_DOCKERFILE_BYTES = 2 * 1024 * 1024;

export function relativePath(cwd: string, absPath: string): string {
  // the common case (a file below a normalised absolute cwd) without path.relative's re-resolving
  if (path.sep === '/' && cwd[0] === '/' && absPath.startsWith(cwd) && absPath[cwd.length] === '/' && isNormalPosix(cwd) && isNormalPosix(absPath)) {
    return absPath.slice(cwd.length + 1);
  }
  const rel = path.relative(cwd, absPath) || path.basename(absPath);
  return rel.split(path.sep).join('/');
}

/** An absolute POSIX path that path.resolve leaves unchanged (no empty, '.' or '..' part, no trailing '/'). */
function isNormalPosix(p: string): boolean {
  return p.length > 1 && !p.endsWith('/') && !p.endsWith('/.') && !p.endsWith('/..')
    && !p.includes('//') && !p.includes('/./') && !p.includes('/../');
}

/** Reads a text file for auditing; a one-line reason when it cannot be audited. Synchronous
 *  reads: a CLI run reads many small files one after the other, and the promise API costs
 *  several times more per file. */
export function readTextFile(absPath: string, maxBytes = MAX_DOCKERFILE_BYTES): Promise<{ text: string } | { error: string }> {
  // as an async function would: the read runs now, and a throw rejects
  return new Promise((resolve) => { resolve(readTextFileSync(absPath, maxBytes)); });
}

export function readTextFileSync(absPath: string, maxBytes = MAX_DOCKERFILE_BYTES): { text: string } | { error: string } {
  return auditText(readFileBytes(absPath, maxBytes));
}

export function errorResult(relPath: string, error: string): TargetResult {
  return { target: { kind: 'dockerfile', path: relPath }, level: null, missingForNextLevel: [], findings: [], error };
}

export interface DockerfileAudit {
  result: TargetResult;
  model: DockerfileModel | null;
}

export async function auditDockerfile(absPath: string, opts: AuditOptions): Promise<TargetResult> {
  const rel = relativePath(opts.cwd, absPath);
  const read = await readTextFile(absPath);
  if ('error' in read) return errorResult(rel, read.error);
  return (await auditDockerfileText(read.text, absPath, opts)).result;
}

/** The catalogue an audit hands the pipeline: the one given, or the rules plus the engine's own. */
export function catalogueOf(opts: Pick<AuditOptions, 'rules' | 'catalogue'>): readonly CatalogueEntry[] {
  if (opts.catalogue) return opts.catalogue;
  let c = defaultCatalogues.get(opts.rules);
  if (!c) {
    c = [...opts.rules, ...tightshipRules];
    defaultCatalogues.set(opts.rules, c);
  }
  return c;
}
const defaultCatalogues = new WeakMap<readonly Rule[], CatalogueEntry[]>();

export { parseErrorFindings };

/** ShellCheck runs in the load step (the rule reads its results from the model) when the run
 *  allows it and the rule is among the rules and not turned off. */
function wantsShellcheck(opts: Pick<AuditOptions, 'shellcheck' | 'rules' | 'config'>): boolean {
  return opts.shellcheck !== false && opts.config.rules[SHELLCHECK_RULE]?.severity !== 'off' && opts.rules.some((r) => r.id === SHELLCHECK_RULE);
}
const SHELLCHECK_RULE = 'dockerfile/shellcheck';

/** Audits Dockerfile text as if it were the file at absPath (used by --fix between passes). */
export async function auditDockerfileText(text: string, absPath: string, opts: AuditOptions): Promise<DockerfileAudit> {
  const rel = relativePath(opts.cwd, absPath);
  const build = opts.build;
  const model = parseModel(text, rel, opts, build ? { ...(build.target !== undefined ? { target: build.target } : {}), ...(build.args ? { args: usableArgs(build.args) } : {}) } : undefined);
  const target: TargetRef = { kind: 'dockerfile', path: rel };
  if (build) {
    target.context = path.resolve(build.contextDir) === path.resolve(opts.cwd) ? '.' : relativePath(opts.cwd, build.contextDir);
    target.contextSource = build.source;
    if (build.target !== undefined) target.stage = build.target;
  }
  if (isLoadError(model)) return { result: { ...errorResult(rel, model.loadError), target }, model: null };
  if (wantsShellcheck(opts)) model.shellcheck = await shellcheckFacts(model, opts.shellcheckCache);
  if (opts.inspectImages) {
    const { inspectBaseImages } = await import('./inspect-base.js');
    model.baseImages = await inspectBaseImages(model, opts.today);
  }

  let joined: Finding[] = [];
  let error: string | undefined;
  if (opts.auditContext !== false) {
    try {
      const mod = await import('../context/audit.js');
      joined = await mod.auditContext(model, absPath, opts);
      const context = target.context; // set with build
      if (build?.source === 'guess' && context !== undefined) joined = joined.map((f) => guessedContextFinding(f, context, build.reason));
    } catch (err) {
      if (!isMissingModule(err, 'context/audit')) error = `build context: ${(err as Partial<Error> | null | undefined)?.message ?? String(err)}`;
    }
  }
  const notes: string[] = [];
  // the Dockerfile's own folder is what `docker build DIR` uses: a note only when the guess moved away
  if (build?.source === 'guess' && build.reason && path.resolve(build.contextDir) !== path.dirname(path.resolve(absPath))) notes.push(`build context ${target.context} guessed (no build of this Dockerfile was found): ${build.reason}`);
  if (build?.notes) notes.push(...build.notes);
  for (const [name, got] of Object.entries(model.baseImages?.images ?? {})) {
    if ('unknown' in got) notes.push(`base image ${name} not inspected: ${got.unknown}`);
  }
  const facts = dockerfileFacts(model);
  const [result] = audit(model, {
    target,
    path: rel,
    rules: opts.rules,
    catalogue: catalogueOf(opts),
    config: opts.config,
    today: opts.today,
    loadFindings: parseErrorFindings(model),
    joined,
    comments: dockerfileComments(model),
    ...(facts ? { facts } : {}),
    ...(error !== undefined ? { error } : {}),
  });
  if (notes.length) result.notes = notes;
  return { result: result, model };
}

/** Build args whose values the map left unresolved (`${VERSION}`) are not used: the Dockerfile's
 *  own default is a better guess than the literal text. */
function usableArgs(args: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(args)) if (!v.includes('$')) out[k] = v;
  return out;
}

/** On a guessed context a missing COPY source is not proof of a broken build: the guess may be
 *  wrong. It stays visible as a warning that says so, and does not stop the grade. */
function guessedContextFinding(f: Finding, context: string, reason: string | undefined): Finding {
  if (f.ruleId !== 'context/copy-source-missing' || f.severity !== 'error') return f;
  const why = reason ? ` (${reason})` : '';
  return {
    ...f,
    severity: 'warning',
    message: `${f.message} — if the context really is ${context}, which was guessed${why}; name the real one with --context or a builds: entry in .tightship.yaml`,
  };
}

function dockerfileFacts(model: DockerfileModel): Record<string, unknown> | undefined {
  const f = model.final;
  if (!f) return undefined;
  const facts: Record<string, unknown> = { stages: f.stageCount };
  facts.user = f.user ? f.user.value : null;
  if (f.baseImage) facts.baseImage = f.baseImage.name;
  facts.healthcheck = f.healthcheck !== null;
  return facts;
}

/** true when err says that the named module of ours has not been written (yet). */
export function isMissingModule(err: unknown, name: string): boolean {
  const e = err as Partial<NodeJS.ErrnoException> | null | undefined;
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') return false;
  const m = /Cannot find (?:module|package) '([^']*)'/.exec(String(e.message));
  return m !== null && m[1].replace(/\\/g, '/').includes(`${name}.js`);
}
