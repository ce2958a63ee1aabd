// Finds the shell command lines a project writes down: shell scripts, Makefile recipes, GitHub
// Actions `run:` steps, GitLab CI scripts, package.json scripts, systemd Exec lines and Markdown
// shell fences. Each command comes with its file, line and column. Texts in, commands out: no I/O.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import type { CommandLine, CommandLines, CommandOrigin, Note, ProjectFile } from './types.js';
import { splitScript, unclosedHeredoc, unclosedQuote, type SplitCommand } from './shell-adapter.js';
import { commandFileKind, hasShellShebang } from './command-files.js';

export { commandFileKind, hasShellShebang, type CommandFileKind } from './command-files.js';

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

/** All command lines of the given files (files of other kinds are ignored). */
export function findCommandLines(files: ProjectFile[]): CommandLines {
  const commands: CommandLine[] = [];
  const notes: Note[] = [];
  for (const f of files) {
    let kind = commandFileKind(f.path);
    if (kind === 'maybe-shell' || (kind === null && hasShellShebang(f.text))) kind = hasShellShebang(f.text) ? 'shell' : null;
    if (kind === null) continue;
    const out = { commands, notes };
    switch (kind) {
      case 'shell': fromShell(f, out); break;
      case 'make': fromMakefile(f, out); break;
      case 'github-actions': fromGithub(f, out); break;
      case 'gitlab-ci': fromGitlab(f, out); break;
      case 'package.json': fromPackageJson(f, out); break;
      case 'systemd': fromSystemd(f, out); break;
      case 'markdown': fromMarkdown(f, out); break;
    }
  }
  return { commands, notes };
}

interface Sink { commands: CommandLine[]; notes: Note[] }

function emit(sink: Sink, file: string, origin: CommandOrigin, cmds: SplitCommand[], extra: Partial<CommandLine>, map?: (w: string) => string): void {
  for (const c of cmds) {
    if (c.argv.length === 0) continue;
    const argv = map ? c.argv.map(map) : c.argv;
    const name = basename(argv[0]);
    const line: CommandLine = {
      file, line: c.line, column: c.column, argv, name, assignments: map ? c.assignments.map(map) : c.assignments, via: c.via, origin,
    };
    if (c.words) line.words = c.words;
    if (extra.cwd !== undefined) line.cwd = extra.cwd;
    if (extra.where !== undefined) line.where = extra.where;
    sink.commands.push(line);
  }
}

function checkQuotes(sink: Sink, file: string, script: string, firstLine: number, indent: (k: number) => number): boolean {
  const at = unclosedQuote(script);
  if (at < 0) {
    const h = unclosedHeredoc(script);
    if (h) {
      const before = script.slice(0, h.offset);
      const k = before.split('\n').length - 1;
      sink.notes.push({ file, line: firstLine + k, column: h.offset - (before.lastIndexOf('\n') + 1) + 1 + indent(k), message: `heredoc <<${h.delim} never ends (no line '${h.delim}'): the rest of the script is its text, not commands` });
    }
    return true;
  }
  const before = script.slice(0, at);
  const k = before.split('\n').length - 1;
  const col = at - (before.lastIndexOf('\n') + 1) + 1 + indent(k);
  sink.notes.push({ file, line: firstLine + k, column: col, message: `unclosed ${script[at] === '"' ? 'double' : 'single'} quote: the commands after it are not read` });
  return false;
}

// ---------------------------------------------------------------------------------------------
// shell scripts

function fromShell(f: ProjectFile, sink: Sink): void {
  const zero = () => 0;
  checkQuotes(sink, f.path, f.text, 1, zero);
  emit(sink, f.path, 'shell', splitScript(f.text, 1, zero), {});
}

// ---------------------------------------------------------------------------------------------
// Makefiles

/** Replaces make's `$(…)`/`${…}` references by same-length placeholders the shell reads as plain
 *  text, and `$$` by a marked `$`; `restore` puts the references back into a word. */
export function maskMake(text: string): { masked: string; restore: (w: string) => string } {
  const refs: string[] = [];
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '$') { out += '\uE002$'; i += 2; continue; }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      const open = text[i + 1];
      const close = open === '(' ? ')' : '}';
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === open) depth++;
        else if (text[j] === close && --depth === 0) break;
        else if (text[j] === '\n') break;
      }
      if (j < text.length && text[j] === close && refs.length < 0x1000) {
        const ref = text.slice(i, j + 1);
        out += '\uE000' + String.fromCharCode(0xE100 + refs.length) + '\uE001'.repeat(ref.length - 2);
        refs.push(ref);
        i = j + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  const restore = (w: string): string =>
    w.replace(/\uE000([\uE100-\uF0FF])\uE001*/g, (_m, k: string) => refs[k.charCodeAt(0) - 0xE100] ?? '').replace(/\uE002/g, '');
  return { masked: out, restore };
}

const MAKE_ASSIGN = /^\s*(?:(?:export|override|private)\s+)*([A-Za-z_.][A-Za-z0-9_.-]*)\s*(?:::=|:::=|:=|\?=|\+=|!=|=)/;
const MAKE_DIRECTIVE = /^\s*(?:ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|vpath|export|unexport|define|endef|undefine)\b/;
const MAKE_RULE = /^([^\t#:=][^#=]*?)::?(?![=])(.*)$/;

/** The simple variables a Makefile sets (`NAME = v`, `:=`, `?=`; not `+=`, `!=`, `define`). */
export function makeVariables(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    if (raw.startsWith('\t')) continue;
    const m = /^\s*(?:(?:export|override)\s+)*([A-Za-z_][A-Za-z0-9_]*)\s*(::?=|\?=|=)\s*(.*?)\s*$/.exec(raw.replace(/\s#.*$/, ''));
    if (!m) continue;
    const before = vars[m[1]] as string | undefined;
    if (m[2] === '?=' && before !== undefined) continue;
    vars[m[1]] = m[3];
  }
  return vars;
}

/** Expands `$(NAME)`/`${NAME}` from simple make variables; null when something stays unresolved. */
export function expandMake(word: string, vars: Partial<Record<string, string>>, depth = 0): string | null {
  if (!word.includes('$')) return word;
  if (depth > 10) return null;
  const expansion = { failed: false }; // the replacer sets it
  const out = word.replace(/\$(?:\(([A-Za-z_][A-Za-z0-9_]*)\)|\{([A-Za-z_][A-Za-z0-9_]*)\})/g, (_m, a?: string, b?: string) => {
    const v = vars[a ?? b ?? '']; // one of the two has matched
    if (v === undefined) { expansion.failed = true; return ''; }
    const e = expandMake(v, vars, depth + 1);
    if (e === null) expansion.failed = true;
    return e ?? '';
  });
  if (expansion.failed || /\$[({]/.test(out)) return null;
  return out;
}

function fromMakefile(f: ProjectFile, sink: Sink): void {
  const lines = f.text.split('\n');
  const cwd = dirname(f.path);
  let inRecipe = false;
  let inDefine = false;
  let target = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (inDefine) { if (/^\s*endef\b/.test(raw)) inDefine = false; continue; }
    if (/^\s*define\b/.test(raw)) { inDefine = true; continue; }
    if (raw.startsWith('\t') && inRecipe) {
      // the recipe line and its backslash continuations (make passes them to one shell)
      const start = i;
      const parts: string[] = [raw.slice(1)];
      while (/\\$/.test(lines[i].replace(/\r$/, '')) && i + 1 < lines.length) {
        i++;
        parts.push(lines[i].replace(/\r$/, '').replace(/^\t/, ''));
      }
      recipe(parts, start, target);
      continue;
    }
    if (raw.trim() === '' || /^\s*#/.test(raw)) continue;
    if (/^ +\S/.test(raw) && inRecipe && !MAKE_ASSIGN.test(raw) && !MAKE_DIRECTIVE.test(raw) && !MAKE_RULE.test(raw.trim())) {
      sink.notes.push({ file: f.path, line: i + 1, column: 1, message: `recipe line of '${target}' starts with spaces, not a tab: make stops here with "missing separator"` });
      continue;
    }
    if (MAKE_DIRECTIVE.test(raw) && /^\s*(?:ifeq|ifneq|ifdef|ifndef|else|endif)\b/.test(raw)) continue;
    if (MAKE_ASSIGN.test(raw)) {
      inRecipe = false;
      while (/\\$/.test(lines[i]) && i + 1 < lines.length) i++;
      continue;
    }
    const rule = MAKE_RULE.exec(raw);
    if (rule && !raw.startsWith(' ')) {
      inRecipe = true;
      target = rule[1].trim();
      const semi = rule[2].indexOf(';');
      if (semi >= 0) {
        const cmd = rule[2].slice(semi + 1);
        const col = raw.length - rule[2].length + semi + 1;
        recipeAt(cmd, i, col, target);
      }
      continue;
    }
    inRecipe = false;
  }

  function recipe(parts: string[], start: number, where: string): void {
    // leading @ - + (echo off, ignore errors, always run) belong to make, not the shell
    const m = /^[ \t]*[@+-]*/.exec(parts[0])?.[0] ?? ''; // matches always
    parts[0] = ' '.repeat(m.length) + parts[0].slice(m.length);
    run(parts.join('\n'), start, () => 1, where); // the recipe's tab is column 1
  }

  function recipeAt(cmd: string, lineIndex: number, col: number, where: string): void {
    run(cmd, lineIndex, (k) => (k === 0 ? col : 0), where);
  }

  function run(script: string, lineIndex: number, indent: (k: number) => number, where: string): void {
    const { masked, restore } = maskMake(script);
    if (!checkQuotes(sink, f.path, masked, lineIndex + 1, indent)) return;
    emit(sink, f.path, 'make', splitScript(masked, lineIndex + 1, indent), { cwd, where }, restore);
  }
}

// ---------------------------------------------------------------------------------------------
// YAML: GitHub Actions and GitLab CI

interface YamlCtx { text: string; lc: LineCounter }

function parseYaml(f: ProjectFile, sink: Sink): (YamlCtx & { root: Node }) | null {
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(f.text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, strict: false });
  } catch (err) {
    sink.notes.push({ file: f.path, line: 1, message: `cannot read this YAML: ${(err as Error).message.split('\n')[0]}` });
    return null;
  }
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lc.linePos(e.pos[0]);
    sink.notes.push({ file: f.path, line: pos.line, column: pos.col, message: `does not parse as YAML (${e.message.split('\n')[0]}): its commands are not read` });
    return null;
  }
  if (!doc.contents) return null;
  return { text: f.text, lc, root: doc.contents as Node };
}

/** Where a scalar's text begins in the file and how far each of its lines is indented. */
export function scalarPlace(node: Scalar, ctx: YamlCtx): { line: number; indent: (k: number) => number } {
  const start = node.range?.[0] ?? 0;
  const pos = ctx.lc.linePos(start);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    // content starts on the line after the indicator; its indent is the first content line's
    const nl = ctx.text.indexOf('\n', start);
    const body = ctx.text.slice(nl + 1);
    const first = /^( *)\S/m.exec(body);
    const pad = first ? first[1].length : 0;
    return { line: pos.line + 1, indent: () => pad };
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  return { line: pos.line, indent: (k) => (k === 0 ? pos.col - 1 + quoted : 0) };
}

function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const p of node.items) {
    if (isScalar(p.key) && p.key.value === key) return (p.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

function strOf(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

function runScalar(sink: Sink, f: ProjectFile, ctx: YamlCtx, node: Node | undefined, origin: CommandOrigin, extra: Partial<CommandLine>): void {
  if (isSeq(node)) {
    for (const item of node.items) runScalar(sink, f, ctx, item as Node, origin, extra);
    return;
  }
  if (!isScalar(node) || typeof node.value !== 'string') return;
  const place = scalarPlace(node, ctx);
  if (!checkQuotes(sink, f.path, node.value, place.line, place.indent)) return;
  emit(sink, f.path, origin, splitScript(node.value, place.line, place.indent), extra);
}

const NON_POSIX = /^(?:pwsh|powershell|python|cmd|node)\b/;

function fromGithub(f: ProjectFile, sink: Sink): void {
  const y = parseYaml(f, sink);
  if (!y) return;
  const topDir = strOf(get(get(get(y.root, 'defaults'), 'run'), 'working-directory'));
  const steps: { job: string; steps: Node | undefined; dir?: string; shell?: string }[] = [];
  const jobs = get(y.root, 'jobs');
  if (isMap(jobs)) {
    for (const p of jobs.items) {
      const id = strOf(p.key) ?? '';
      const run = get(get(p.value, 'defaults'), 'run');
      steps.push({ job: id, steps: get(p.value, 'steps'), dir: strOf(get(run, 'working-directory')) ?? topDir, shell: strOf(get(run, 'shell')) });
    }
  }
  const runs = get(y.root, 'runs'); // a composite action
  if (runs) steps.push({ job: 'action', steps: get(runs, 'steps') });
  for (const j of steps) {
    if (!isSeq(j.steps)) continue;
    j.steps.items.forEach((step, k) => {
      const run = get(step, 'run');
      if (!run) return;
      const shell = strOf(get(step, 'shell')) ?? j.shell;
      if (shell && NON_POSIX.test(shell)) return;
      const name = strOf(get(step, 'name')) ?? strOf(get(step, 'id')) ?? `step ${k + 1}`;
      const dir = strOf(get(step, 'working-directory')) ?? j.dir;
      const extra: Partial<CommandLine> = { where: `jobs.${j.job}: ${name}` };
      if (dir !== undefined) extra.cwd = dir;
      runScalar(sink, f, y, run, 'github-actions', extra);
    });
  }
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'default', 'spec']);

function fromGitlab(f: ProjectFile, sink: Sink): void {
  const y = parseYaml(f, sink);
  if (!y || !isMap(y.root)) return;
  for (const p of y.root.items) {
    const job = strOf(p.key) ?? '';
    if (job === 'default' || job === 'before_script' || job === 'after_script') {
      const holder = job === 'default' ? p.value : y.root;
      for (const k of ['before_script', 'after_script']) {
        if (job !== 'default' && k !== job) continue;
        runScalar(sink, f, y, get(holder, k), 'gitlab-ci', { where: `${job === 'default' ? 'default.' : ''}${k}` });
      }
      continue;
    }
    if (GITLAB_RESERVED.has(job) || !isMap(p.value)) continue;
    for (const k of ['before_script', 'script', 'after_script']) {
      runScalar(sink, f, y, get(p.value, k), 'gitlab-ci', { where: `${job}.${k}` });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// package.json

function fromPackageJson(f: ProjectFile, sink: Sink): void {
  let pkg: unknown;
  try {
    pkg = JSON.parse(f.text);
  } catch (err) {
    sink.notes.push({ file: f.path, line: 1, message: `package.json does not parse: ${(err as Error).message}` });
    return;
  }
  const scripts = (pkg as { scripts?: unknown } | null)?.scripts;
  if (!scripts || typeof scripts !== 'object') return;
  const scriptsAt = f.text.search(/"scripts"\s*:/);
  for (const [name, value] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof value !== 'string') continue;
    const key = JSON.stringify(name);
    const re = new RegExp(`${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*"`, 'g');
    re.lastIndex = Math.max(0, scriptsAt);
    const m = re.exec(f.text);
    let line = 1;
    let col = 0;
    if (m) {
      const at = m.index + m[0].length;
      const before = f.text.slice(0, at);
      line = before.split('\n').length;
      col = at - (before.lastIndexOf('\n') + 1);
    }
    emit(sink, f.path, 'package.json', splitScript(value, line, (k) => (k === 0 ? col : 0)), { cwd: dirname(f.path), where: `scripts.${name}` });
  }
}

// ---------------------------------------------------------------------------------------------
// systemd units

function fromSystemd(f: ProjectFile, sink: Sink): void {
  const lines = f.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(Exec(?:Start|StartPre|StartPost|Stop|StopPost|Reload|Condition))\s*=\s*/.exec(lines[i]);
    if (!m) continue;
    const start = i;
    let value = lines[i].slice(m[0].length).replace(/\r$/, '');
    while (/\\$/.test(value) && i + 1 < lines.length) {
      i++;
      value = value.slice(0, -1) + ' ' + lines[i].replace(/\r$/, '');
    }
    // the prefixes -@:+! change how systemd runs it, not what
    const prefix = /^[-@:+!]*/.exec(value)?.[0] ?? ''; // matches always
    const col = m[0].length + prefix.length;
    emit(sink, f.path, 'systemd', splitScript(value.slice(prefix.length), start + 1, () => col), { where: m[1] });
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown fences

/** Documentation placeholders (`<image>`, `-v <local-path>:/data`) are words, not redirections:
 *  their angle brackets become same-length private-use characters while the shell text is split,
 *  and are put back in the words. */
function maskPlaceholders(script: string): string {
  return script.replace(/<([A-Za-z][A-Za-z0-9_.:/-]*)>/g, '\uE010$1\uE011');
}

function unmaskPlaceholders(word: string): string {
  return word.replace(/\uE010/g, '<').replace(/\uE011/g, '>');
}

const FENCE_LANGS = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal']);

function fromMarkdown(f: ProjectFile, sink: Sink): void {
  const lines = f.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3}|\s*(?:[-*+]|\d+[.)])\s+| +)(`{3,}|~{3,})\s*([^\s`{]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const lang = open[3].toLowerCase();
    const indent = open[1].length;
    const start = i;
    const body: string[] = [];
    let closed = false;
    for (i++; i < lines.length; i++) {
      const l = lines[i].replace(/\r$/, '');
      if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(l)) { closed = true; break; }
      body.push(l.slice(Math.min(indent, /^ */.exec(l)?.[0].length ?? 0))); // matches always
    }
    if (!closed) {
      if (FENCE_LANGS.has(lang)) sink.notes.push({ file: f.path, line: start + 1, column: indent + 1, message: 'code fence is never closed: its commands are not read' });
      break;
    }
    // a fence without a language counts when it opens with a prompt or a container command
    const bare = lang === '' && /^\s*(?:\$ |(?:sudo\s+)?(?:docker|podman|nerdctl)\s)/.test(body.find((l) => l.trim() !== '') ?? '');
    if (!FENCE_LANGS.has(lang) && !bare) continue;
    const firstLine = start + 2;
    const prompted = lang === 'console' || lang === 'shell-session' || lang === 'shellsession' || lang === 'terminal' || body.some((l) => /^\s*\$ /.test(l));
    if (!prompted) {
      const script = maskPlaceholders(body.join('\n'));
      const ind = () => indent;
      if (!checkQuotes(sink, f.path, script, firstLine, ind)) continue;
      emit(sink, f.path, 'markdown', splitScript(script, firstLine, ind), { where: `\`\`\`${lang}` }, unmaskPlaceholders);
      continue;
    }
    // prompts: `$ cmd` lines (with their continuations) are commands, the rest is output
    for (let k = 0; k < body.length; k++) {
      const m = /^(\s*\$ )/.exec(body[k]);
      if (!m) continue;
      const parts = [' '.repeat(m[1].length) + body[k].slice(m[1].length)];
      const at = k;
      while (/\\$/.test(body[k]) && k + 1 < body.length) parts.push(body[++k]);
      const script = maskPlaceholders(parts.join('\n'));
      const ind = () => indent;
      if (!checkQuotes(sink, f.path, script, firstLine + at, ind)) continue;
      emit(sink, f.path, 'markdown', splitScript(script, firstLine + at, ind), { where: `\`\`\`${lang}` }, unmaskPlaceholders);
    }
  }
}
