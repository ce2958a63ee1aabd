// The run auditor: a file that writes command lines → its run commands (read with the CLI's flag
// table) → the run rules → inline ignores → one result per command, target
// `{kind: 'run', path, line, image}`, plus a file-level result (not graded) for the parts of the
// file that could not be read. A file without a run command and without notes has no result.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, TargetResult } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import type { LoadError } from '../../engine/target.js';
import { audit, type ResultPart } from '../../engine/pipeline.js';
import { catalogueOf } from '../dockerfile/audit.js';
import { findCommandLines } from '../project/command-lines.js';
import { readRunCommand } from './parse.js';
import { runPosture } from './posture.js';
import { isPlaceholder, isSecretName } from '../../secrets/names.js';
import { runComments } from './target.js';
import type { RunCommand, RunModel } from './model.js';

const MAX_BYTES = 4 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const ENGINE_WORD = /\b(?:docker|podman|nerdctl)\b/;

function relPosix(cwd: string, abs: string): string {
  return path.relative(cwd, abs).split(path.sep).join('/') || path.basename(abs);
}

/** The path the extractor judges a file's kind by: from `.github/` on for a workflow anywhere. */
function kindPath(rel: string): string {
  const i = rel.lastIndexOf('.github/');
  return i > 0 && rel[i - 1] === '/' ? rel.slice(i) : rel;
}

/** The run model of a text (no I/O): its run commands and the notes of the parts not read
 *  (notes only when the file names a container engine at all: elsewhere they are not ours). */
export function runModelOf(rel: string, text: string): RunModel {
  const kp = kindPath(rel);
  const found = findCommandLines([{ path: kp, text }]);
  const commands: RunCommand[] = [];
  for (const cl of found.commands) {
    const cmd = readRunCommand({ ...cl, file: rel });
    if (cmd) commands.push(cmd);
  }
  const notes = ENGINE_WORD.test(text) ? found.notes.map((n) => ({ ...n, file: rel })) : [];
  return { path: rel, text, commands, notes };
}

export function loadRunFile(file: string, cwd: string): RunModel | LoadError {
  const abs = path.resolve(cwd, file);
  try {
    const st = statSync(abs);
    if (st.isDirectory()) return { loadError: 'is a directory' };
    if (st.size > MAX_BYTES) return { loadError: `file too large (${(st.size / 1048576).toFixed(1)} MB) to read its command lines` };
    return runModelOf(relPosix(cwd, abs), utf8.decode(readFileSync(abs)));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { loadError: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { loadError: 'permission denied' };
    if (err instanceof TypeError) return { loadError: 'not valid UTF-8 text' };
    return { loadError: `cannot read: ${code ?? (err as Error).message}` };
  }
}

/** The problems of loading (parts of the file that could not be read), as findings. */
export function runProblems(model: RunModel): Finding[] {
  return model.notes.map((n) => ({
    ruleId: 'run/unreadable-command',
    severity: 'warning' as const,
    message: n.message,
    location: { path: model.path, startLine: n.line, startColumn: n.column ?? 1, endLine: n.line, endColumn: (n.column ?? 1) + 1 },
  }));
}

export function targetOf(cmd: RunCommand): TargetResult['target'] {
  const t: TargetResult['target'] = { kind: 'run', path: cmd.file, line: cmd.at.line };
  if (cmd.image && !cmd.imageUncertain) t.image = cmd.image.value;
  return t;
}

/** The pipeline over a run model: one result per command, and one for the file's notes. */
export function runResults(model: RunModel, opts: Pick<AuditOptions, 'config' | 'rules' | 'today' | 'catalogue'>): TargetResult[] {
  if (model.commands.length === 0 && model.notes.length === 0) return [];
  const parts: ResultPart[] = model.commands.map((c) => ({ target: targetOf(c), graded: true, facts: factsOf(c) }));
  const fileParts = new Map<string, ResultPart>();
  const byLine = model.commands.map((c, i) => ({ from: c.at.line, to: lastLine(c), part: parts[i] }));
  return ungradedUsers(audit(model, {
    target: { kind: 'run', path: model.path },
    path: model.path,
    rules: opts.rules,
    catalogue: catalogueOf(opts),
    config: opts.config,
    today: opts.today,
    comments: runComments(model),
    split: {
      parts,
      partOf(f) {
        const hit = f.ruleId === 'run/unreadable-command' ? undefined
          : [...byLine].reverse().find((b) => f.location.path === model.path && f.location.startLine >= b.from && f.location.startLine <= b.to && (f.location.startLine !== b.from || f.location.startColumn >= (model.commands[parts.indexOf(b.part)].at.column)));
        if (hit) return hit.part;
        let file = fileParts.get(f.location.path);
        if (!file) {
          file = { target: { kind: 'run', path: model.path }, graded: false };
          fileParts.set(f.location.path, file);
        }
        return file;
      },
    },
  }));
}

function lastLine(c: RunCommand): number {
  return Math.max(c.at.endLine, ...c.flags.map((f) => f.at.endLine), c.image?.at.endLine ?? 0);
}

function factsOf(c: RunCommand): Record<string, unknown> {
  const facts: Record<string, unknown> = { command: c.written, origin: c.origin };
  if (c.where) facts.where = c.where;
  if (c.imageUncertain) facts.imageCandidates = c.imageUncertain.candidates;
  return facts;
}

/** The file's text with every secret a run line passes in plain text masked (same length, so that
 *  positions hold): what a formatter may show as source lines, where a secret shares its line
 *  with other findings. */
export function maskedText(model: RunModel): string {
  let text = model.text;
  for (const cmd of model.commands) {
    for (const e of runPosture(cmd).env) {
      if (e.value === null || e.unresolved || e.value.length === 0 || !isSecretName(e.name) || isPlaceholder(e.value)) continue;
      const shown = e.value.length <= 8 ? 0 : Math.min(4, Math.floor(e.value.length / 4));
      text = text.split(e.value).join(e.value.slice(0, shown) + '*'.repeat(e.value.length - shown));
    }
  }
  return text;
}

/** Loads and audits one file. */
export function auditRunFile(file: string, opts: AuditOptions): TargetResult[] {
  const model = loadRunFile(file, opts.cwd);
  if ('loadError' in model) return [{ target: { kind: 'run', path: relPosix(opts.cwd, path.resolve(opts.cwd, file)) }, level: null, missingForNextLevel: [], findings: [], error: model.loadError }];
  return runResults(model, opts);
}

/** A command without --user runs as its image's user, which a command line does not show: when
 *  that is all that keeps it at root, it is not graded (as a compose service of an image that
 *  was not inspected); what makes it root whatever its image (privileged, the socket, --user
 *  root) still grades it root. */
function ungradedUsers(results: TargetResult[]): TargetResult[] {
  for (const r of results) {
    if (r.target.kind !== 'run' || r.level !== 'root' || r.missingForNextLevel.length !== 1 || r.missingForNextLevel[0] !== 'run/user-missing') continue;
    r.level = null;
    r.missingForNextLevel = [];
    r.levelReason = "image not inspected: the command sets no --user, so its user is the image's, unknown here";
  }
  return results;
}
