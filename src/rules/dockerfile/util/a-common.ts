// Helpers shared by the Dockerfile rules of this batch: source ranges of substrings, stage
// chains, key=value parsing of ENV/ARG/LABEL, user identities. Pure functions over the model.
import type { Position, SourceRange } from '../../../engine/types.js';
import type { DockerfileModel, Instruction, Stage } from '../../../targets/dockerfile/model.js';

/** The 1-based line/column of an offset in text (columns in UTF-16 code units). */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

// Line starts per model, computed once: findings on large files must not rescan the text each time.
const lineStartsMemo = new WeakMap<DockerfileModel, number[]>();

function lineStarts(model: DockerfileModel): number[] {
  let starts = lineStartsMemo.get(model);
  if (!starts) {
    starts = [0];
    const t = model.text;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartsMemo.set(model, starts);
  }
  return starts;
}

function positionIn(model: DockerfileModel, offset: number): Position {
  const starts = lineStarts(model);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
}

export function rangeAt(model: DockerfileModel, start: number, end: number): SourceRange {
  return { start: positionIn(model, start), end: positionIn(model, end) };
}

/** Offset of the start of a 1-based line of the model's text. */
export function lineStartOffset(model: DockerfileModel, line: number): number {
  const starts = lineStarts(model);
  return starts[Math.min(Math.max(line, 1), starts.length) - 1]!;
}

/** The range of the first occurrence of needle inside the instruction's source, searching
 *  from `from` (an absolute offset); null when it is not written literally (e.g. continued). */
export function findInInstruction(
  model: DockerfileModel, instr: Instruction, needle: string, from = instr.argsRange.start.offset,
): SourceRange | null {
  if (!needle) return null;
  const start = Math.max(from, instr.range.start.offset);
  const at = model.text.indexOf(needle, start);
  if (at === -1 || at + needle.length > instr.range.end.offset) return null;
  return rangeAt(model, at, at + needle.length);
}

/** The range of the needle in the instruction, or of the instruction's arguments when absent. */
export function rangeOfText(model: DockerfileModel, instr: Instruction, needle: string, from?: number): SourceRange {
  return findInInstruction(model, instr, needle, from) ?? instr.argsRange;
}

/** The range of the first line of an instruction (keyword to end of line), for findings about a whole instruction. */
export function firstLineRange(model: DockerfileModel, instr: Instruction): SourceRange {
  const nl = model.text.indexOf('\n', instr.range.start.offset);
  const end = nl === -1 || nl > instr.range.end.offset ? instr.range.end.offset : nl;
  const endTrimmed = model.text.slice(instr.range.start.offset, end).replace(/[\s\\`]+$/, '').length + instr.range.start.offset;
  return rangeAt(model, instr.range.start.offset, endTrimmed);
}

/** The FROM image token (first argument after flags), e.g. `node:22` or `${BASE}`. */
export function fromImageRange(model: DockerfileModel, stage: Stage): SourceRange {
  const token = stage.image || stage.from.args.trim().split(/\s+/)[0] || '';
  return rangeOfText(model, stage.from, token);
}

/** The stages whose instructions take effect in `stage`, oldest first: its FROM <stage> ancestors, then itself. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    chain.unshift(s);
    s = s.baseStage === null ? undefined : model.stages[s.baseStage];
  }
  return chain;
}

/** Every instruction in force in the stage, oldest first (base stages included). */
export function chainInstructions(model: DockerfileModel, stage: Stage): Instruction[] {
  return stageChain(model, stage).flatMap((s) => s.instructions);
}

/** The stage whose chain starts from scratch (no base image), or whose root is scratch. */
export function chainRoot(model: DockerfileModel, stage: Stage): Stage {
  return stageChain(model, stage)[0] ?? stage;
}

export function hasUnresolved(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value);
}

export interface KeyValue {
  key: string;
  /** null when the key has no `=value` (ARG NAME). */
  value: string | null;
  /** Offset of the key within the arguments string. */
  keyIndex: number;
  /** Offset of the value within the arguments string (after '='), or -1. */
  valueIndex: number;
  /** The value as written (quotes kept), or ''. */
  rawValue: string;
}

/** Splits `K=V K2="v 2" K3` (ENV, ARG, LABEL) — or the legacy `ENV KEY value words` — into pairs,
 *  unquoting values the way the Dockerfile frontend does (quotes removed, backslash escapes kept literal). */
export function parseKeyValues(args: string, legacy: boolean): KeyValue[] {
  const out: KeyValue[] = [];
  const s = args;
  let i = 0;
  const skipWs = () => { while (i < s.length && /\s/.test(s[i]!)) i++; };
  skipWs();
  // legacy form: ENV KEY value with spaces (first word has no '=')
  if (legacy) {
    const m = /^(\S+)\s+(\S[\s\S]*)$/.exec(s.slice(i));
    if (m && !m[1]!.includes('=')) {
      const valueIndex = s.indexOf(m[2]!, i + m[1]!.length);
      const raw = m[2]!.trimEnd();
      out.push({ key: m[1]!, value: unquote(raw), keyIndex: i, valueIndex, rawValue: raw });
      return out;
    }
  }
  while (i < s.length) {
    const keyIndex = i;
    let key = '';
    while (i < s.length && s[i] !== '=' && !/\s/.test(s[i]!)) key += s[i++];
    if (s[i] !== '=') {
      if (key) out.push({ key: unquote(key), value: null, keyIndex, valueIndex: -1, rawValue: '' });
      skipWs();
      continue;
    }
    i++; // '='
    const valueIndex = i;
    let quote: string | null = null;
    while (i < s.length) {
      const c = s[i]!;
      if (quote) {
        if (c === '\\' && quote === '"' && i + 1 < s.length) { i += 2; continue; }
        if (c === quote) quote = null;
        i++;
        continue;
      }
      if (c === '"' || c === "'") { quote = c; i++; continue; }
      if (c === '\\' && i + 1 < s.length) { i += 2; continue; }
      if (/\s/.test(c)) break;
      i++;
    }
    const raw = s.slice(valueIndex, i);
    out.push({ key: unquote(key), value: unquote(raw), keyIndex, valueIndex, rawValue: raw });
    skipWs();
  }
  return out;
}

function unquote(raw: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === quote) { quote = null; continue; }
      if (c === '\\' && quote === '"' && i + 1 < raw.length && /["\\$`]/.test(raw[i + 1]!)) { out += raw[++i]; continue; }
      out += c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c === '\\' && i + 1 < raw.length) { out += raw[++i]; continue; }
    out += c;
  }
  return out;
}

/** true for the root user written as a name or a UID (root, 0, 00), and for Windows'
 *  ContainerAdministrator; the group part is not considered. */
export function isRootUser(user: string): boolean {
  const u = user.trim();
  return u === 'root' || /^0+$/.test(u) || u.toLowerCase() === 'containeradministrator';
}

/** true when the stage chain starts from a Windows base image (or the file uses the backtick escape). */
export function isWindowsStage(model: DockerfileModel, stage: Stage): boolean {
  if (model.escape === '`') return true;
  const root = stageChain(model, stage)[0];
  return !!root?.ref && /(^|\/)(windows|nanoserver|servercore)(\/|$)|mcr\.microsoft\.com\/windows/i.test(`${root.ref.registry ?? ''}/${root.ref.repository}`);
}

/** Splits `user[:group]`. */
export function splitUserGroup(value: string): { user: string; group: string | null } {
  const i = value.indexOf(':');
  return i === -1 ? { user: value, group: null } : { user: value.slice(0, i), group: value.slice(i + 1) };
}

/** Masks the password of a URL with credentials (scheme://user:password@host). */
export function maskUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:)[^\s@/]+@/i, '$1***@');
}

/** Offset of the start of a 1-based line. */
export function lineOffset(text: string, line: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl === -1) return text.length;
    off = nl + 1;
  }
  return off;
}

/** The range of a shell command's name in its RUN instruction (searching from the command's line). */
export function commandRange(model: DockerfileModel, instr: Instruction, cmd: { argv: string[]; name: string; line: number }): SourceRange {
  const word = cmd.argv[0] ?? cmd.name;
  const from = Math.max(lineStartOffset(model, cmd.line), instr.range.start.offset);
  return findInInstruction(model, instr, word, from) ?? findInInstruction(model, instr, word) ?? instr.argsRange;
}

/** Substitutes $VAR, ${VAR}, ${VAR:-default} and ${VAR-default} from vars; unknown variables stay as written.
 *  Used on shell words whose variables are build arguments or ENV of the stage. */
export function expandVars(word: string, vars: Record<string, string>): string {
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, braced, op, def, bare) => {
    const name = (braced ?? bare) as string;
    const v = vars[name];
    if (op !== undefined) {
      if (v === undefined || (op === ':-' && v === '')) return def as string;
      return v;
    }
    return v ?? m;
  });
}

/** ARG and ENV values in force at the end of a stage (ENV wins, as in the shell of a RUN). */
export function stageVars(model: DockerfileModel, stage: Stage): Record<string, string> {
  return { ...stage.args, ...stage.env };
}
