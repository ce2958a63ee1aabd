// The human report: findings grouped by file with a code frame, then each target's level and
// what is missing to reach the next one, then a summary line. Every string that comes from the
// audited files (paths, source lines, messages quoting them, facts) passes terminalText first:
// nothing in a Dockerfile or a file name can act on the terminal.
import type { Finding, Severity, TargetResult } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { nextLevel, plural, showsSource, sortedResults, totals, type Formatter, type ReportMeta, type StreamFormatter, type Totals } from './common.js';
import { terminalData, terminalText } from './terminal.js';

interface Paint {
  red(s: string): string; yellow(s: string): string; blue(s: string): string; green(s: string): string;
  dim(s: string): string; bold(s: string): string; cyan(s: string): string;
}

function painter(color: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), cyan: wrap(36, 39),
    dim: wrap(2, 22), bold: wrap(1, 22),
  };
}

const MAX_FRAME_LINES = 3;
const MAX_LINE_WIDTH = 160;

function severityLabel(s: Severity, p: Paint): string {
  const padded = s.padEnd(7);
  return s === 'error' ? p.red(padded) : s === 'warning' ? p.yellow(padded) : p.blue(padded);
}

/** A few source lines around the finding with a caret under the offending columns. */
function codeFrame(f: Finding, lines: string[], p: Paint): string[] {
  const l = f.location;
  if (l.startLine < 1 || l.startLine > lines.length) return [];
  const last = Math.min(l.endLine >= l.startLine ? l.endLine : l.startLine, lines.length, l.startLine + MAX_FRAME_LINES - 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = l.startLine; n <= last; n++) {
    const raw = terminalText((lines[n - 1] ?? '').replace(/\r$/, ''), true).replace(/\t/g, ' ');
    const text = raw.length > MAX_LINE_WIDTH ? `${raw.slice(0, MAX_LINE_WIDTH)}…` : raw;
    out.push(`    ${p.dim(`${String(n).padStart(width)} |`)} ${text}`);
    if (n === l.startLine) {
      const from = Math.max(1, l.startColumn);
      const lineEnd = raw.length + 1;
      const to = l.endLine === l.startLine && l.endColumn > from ? Math.min(l.endColumn, lineEnd) : Math.max(lineEnd, from + 1);
      const carets = Math.max(1, Math.min(to - from, MAX_LINE_WIDTH - from + 1));
      if (from <= MAX_LINE_WIDTH) out.push(`    ${p.dim(`${' '.repeat(width)} |`)} ${' '.repeat(from - 1)}${p.red('^'.repeat(carets))}`);
    }
  }
  const total = l.endLine - l.startLine + 1;
  if (total > MAX_FRAME_LINES && last < lines.length) out.push(`    ${p.dim(`${' '.repeat(width)} |`)} ${p.dim(`… ${total - MAX_FRAME_LINES} more line(s)`)}`);
  return out;
}

function firstSentence(s: string): string {
  const protectedText = s.trim().replace(/\b(e\.g|i\.e|etc|vs)\./g, '$1\u0001');
  const m = /^(.+?[.!?])(\s+[A-Z`(]|$)/s.exec(protectedText);
  return (m ? m[1] : protectedText).replaceAll('\u0001', '.').replace(/\s+/g, ' ');
}

function where(f: Finding): string {
  const l = f.location;
  const textless = (l.imagePath || l.field) && l.startLine === 1 && l.startColumn === 1 && l.endLine === 1 && l.endColumn === 1;
  const parts = textless ? [] : [`${l.startLine}:${l.startColumn}`];
  if (l.yamlPath) parts.push(l.yamlPath);
  if (l.imagePath) parts.push(l.imagePath);
  if (l.field) parts.push(l.field);
  if (l.layer) parts.push(`(layer ${l.layer.index})`);
  return parts.join(' ');
}

function sameRange(a: Finding, b: Finding): boolean {
  const l = a.location;
  const m = b.location;
  return l.path === m.path && l.startLine === m.startLine && l.startColumn === m.startColumn && l.endLine === m.endLine && l.endColumn === m.endColumn;
}

function targetTitle(r: TargetResult): string {
  const t = r.target;
  if (t.service) return `${t.path} (service ${t.service})`;
  if (t.kind === 'run' && t.line !== undefined) {
    const cmd = typeof r.facts?.command === 'string' ? r.facts.command : 'docker run';
    return `${t.path}:${t.line} (${cmd} ${t.image ?? 'image uncertain'})`;
  }
  if (t.image && t.image !== t.path) return `${t.path} (${t.image})`;
  return t.path;
}

/** How a Dockerfile was built for the audit: its context (and where that was read), its stage. */
function buildLine(r: TargetResult): string | null {
  const t = r.target;
  if (t.context === undefined) return null;
  const from = t.contextSource === 'guess' ? 'guessed' : t.contextSource === 'cli' ? 'from --context' : `from ${t.contextSource}`;
  return `context ${t.context} (${from})${t.stage !== undefined ? ` · target ${t.stage}` : ''}`;
}

function levelLine(r: TargetResult, p: Paint): string {
  if (r.level === null) return r.levelReason !== undefined ? `  level: ${p.bold(p.red('unknown'))} (${r.levelReason})` : '';
  const painted = r.level === 'hardened' ? p.green(r.level) : r.level === 'nonroot' ? p.yellow(r.level) : p.red(r.level);
  const risks = r.acceptedRisks?.length ? `, ${plural(r.acceptedRisks.length, 'accepted risk')}` : '';
  const next = nextLevel(r.level);
  if (!next) return `  level: ${p.bold(painted)}${risks}`;
  const missing = r.missingForNextLevel.length ? `fix ${r.missingForNextLevel.join(', ')}` : 'nothing blocks it';
  return `  level: ${p.bold(painted)}${risks} · to reach ${next}: ${missing}`;
}

/** Services of one compose file sharing a warning (or info) of one rule are listed once under
 *  the file instead of once per service; errors always show per service. JSON and SARIF keep a
 *  finding each: this is presentation only. */
const GROUP_AT_LEAST = 3;

interface Group {
  path: string;
  ruleId: string;
  severity: Severity;
  services: string[];
  /** The findings shown in the group (left out of their service's block). */
  findings: Set<Finding>;
}

function groupsOf(results: readonly TargetResult[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const r of results) {
    const svc = r.target.service;
    if (r.target.kind !== 'compose' || svc === undefined) continue;
    const perRule = new Map<string, Finding[]>();
    for (const f of r.findings) {
      if (f.severity === 'error') continue;
      const list = perRule.get(f.ruleId) ?? [];
      list.push(f);
      perRule.set(f.ruleId, list);
    }
    for (const [ruleId, list] of perRule) {
      if (list.length !== 1) continue; // several findings of a rule in one service stay with it
      const f = list[0];
      const key = `${r.target.path}\u0000${ruleId}\u0000${f.severity}`;
      let g = byKey.get(key);
      if (!g) {
        g = { path: r.target.path, ruleId, severity: f.severity, services: [], findings: new Set() };
        byKey.set(key, g);
      }
      g.services.push(svc);
      g.findings.add(f);
    }
  }
  return [...byKey.values()].filter((g) => g.services.length >= GROUP_AT_LEAST);
}

function renderGroups(path: string, groups: readonly Group[], rules: Map<string, CatalogueEntry>, p: Paint): string[] {
  const out: string[] = [p.bold(p.cyan(`${path} (${plural(new Set(groups.flatMap((g) => g.services)).size, 'service')}: shared findings)`))];
  for (const g of [...groups].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))) {
    const rule = rules.get(g.ruleId);
    out.push(`  ${severityLabel(g.severity, p)}  ${rule?.title ?? g.ruleId}: not met by ${plural(g.services.length, 'service')} (${g.services.join(', ')})  ${p.dim(g.ruleId)}`);
    if (rule) out.push(`    ${p.dim('fix:')} ${firstSentence(rule.remediation)}`);
  }
  return out;
}

function renderTarget(r: TargetResult, meta: ReportMeta, rules: Map<string, CatalogueEntry>, p: Paint, grouped: ReadonlySet<Finding> = new Set()): string[] {
  const build = buildLine(r);
  const out: string[] = [p.bold(p.cyan(targetTitle(r))) + (build ? `  ${p.dim(build)}` : '')];
  for (const n of r.notes ?? []) out.push(`  ${p.blue('note')}     ${n}`);
  const shown = grouped.size ? r.findings.filter((f) => !grouped.has(f)) : r.findings;
  const inGroups = r.findings.length - shown.length;
  if (r.error !== undefined) out.push(`  ${p.red('error')}    ${r.error}`);
  const sourceLines = new Map<string, string[]>();
  const linesOf = (path: string): string[] | null => {
    const text = meta.sources?.[path];
    if (text === undefined) return null;
    let l = sourceLines.get(path);
    if (!l) { l = text.split('\n'); sourceLines.set(path, l); }
    return l;
  };
  const explained = new Set<string>();
  shown.forEach((f, i) => {
    const other = f.location.path !== r.target.path ? `${f.location.path}:` : '';
    out.push(`  ${p.dim(`${other}${where(f)}`)}  ${severityLabel(f.severity, p)}  ${f.message}  ${p.dim(f.ruleId)}`);
    // findings on the same range share one code frame, shown after the last of them
    const next = shown.at(i + 1);
    const sameAsNext = next !== undefined && sameRange(f, next);
    const lines = showsSource(f) && !sameAsNext ? linesOf(f.location.path) : null;
    if (lines) out.push(...codeFrame(f, lines, p));
    for (const rel of f.related ?? []) {
      out.push(`    ${p.dim(`↳ ${rel.location.path}:${rel.location.startLine}:${rel.location.startColumn}`)} ${rel.message}`);
    }
    // why it matters and how to fix it, once per rule and target (the message says what is wrong)
    const rule = rules.get(f.ruleId);
    if (rule && !explained.has(rule.id)) {
      explained.add(rule.id);
      out.push(`    ${p.dim('why:')} ${firstSentence(rule.rationale)}`);
      out.push(`    ${p.dim('fix:')} ${firstSentence(rule.remediation)}`);
    }
    if (f.fix) out.push(`    ${p.dim(f.fix.safe ? 'autofix (--fix):' : 'suggestion:')} ${f.fix.description}`);
  });
  const fixed = meta.fixed?.[r.target.path];
  if (fixed?.length) out.push(`  ${p.green(`fixed ${plural(fixed.length, 'problem')}:`)} ${[...new Set(fixed.map((x) => x.ruleId))].join(', ')}`);
  if (inGroups) out.push(`  ${p.dim(`+ ${plural(inGroups, 'finding')} shared with other services (listed under ${r.target.path})`)}`);
  if (r.findings.length === 0 && r.error === undefined) {
    const min = meta.display?.severity ?? 'info';
    out.push(`  ${p.green(min === 'info' ? 'no findings' : min === 'error' ? 'no errors' : 'no errors or warnings')}`);
  }
  const level = levelLine(r, p);
  if (level) out.push(level);
  return out;
}

/** The meta with every string from the audited files made inert (the sources' text stays as it
 *  is: split into lines first, each line made inert in codeFrame). */
function inertMeta(unsafeMeta: ReportMeta): ReportMeta {
  return {
    ...unsafeMeta,
    ...(unsafeMeta.project ? { project: terminalData(unsafeMeta.project) } : {}),
    ...(unsafeMeta.policy ? { policy: terminalData(unsafeMeta.policy) } : {}),
    ...(unsafeMeta.fixed ? { fixed: terminalData(unsafeMeta.fixed) } : {}),
    ...(unsafeMeta.sources ? { sources: inertKeys(unsafeMeta.sources) } : {}),
  };
}

function inertKeys(sources: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(sources).map(([k, v]) => [terminalText(k), v]));
}

/** The blocks of sorted, inert results: each target, and after the last service of a compose
 *  file the findings its services share. */
function blocksOf(sorted: readonly TargetResult[], meta: ReportMeta, rules: Map<string, CatalogueEntry>, p: Paint): string[] {
  const quiet = meta.display?.quiet === true;
  const groups = groupsOf(sorted);
  const grouped = new Set(groups.flatMap((g) => [...g.findings]));
  const lastOfPath = new Map<string, TargetResult>();
  for (const r of sorted) if (r.target.kind === 'compose' && r.target.service !== undefined) lastOfPath.set(r.target.path, r);
  const blocks: string[] = [];
  for (const r of sorted) {
    // --quiet: only the targets with something to show
    if (quiet && r.findings.length === 0 && r.error === undefined) continue;
    blocks.push(renderTarget(r, meta, rules, p, grouped).join('\n'));
    const mine = lastOfPath.get(r.target.path) === r ? groups.filter((g) => g.path === r.target.path) : [];
    if (mine.length) blocks.push(renderGroups(r.target.path, mine, rules, p).join('\n'));
  }
  return blocks;
}

/** What follows the blocks: the project's notes and skipped files, the summary line, the policy. */
function tailOf(t: Totals, meta: ReportMeta, p: Paint, anyBlock: boolean): string {
  const quiet = meta.display?.quiet === true;
  const levels = (['root', 'nonroot', 'hardened'] as const).filter((l) => t.levels[l] > 0).map((l) => `${t.levels[l]} ${l}`);
  const counts = [plural(t.error, 'error'), plural(t.warning, 'warning'), plural(t.info, 'info')];
  const summary = [
    plural(t.targets, 'target'),
    ...(levels.length ? [levels.join(', ')] : []),
    counts.join(', '),
    ...(t.targetErrors ? [p.red(`${t.targetErrors} could not be audited`)] : []),
    ...notShown(meta),
  ].join(' · ');
  const mark = t.error || t.targetErrors ? p.red('✖') : t.warning ? p.yellow('!') : p.green('✔');
  const project: string[] = [];
  if (!quiet) for (const n of meta.project?.notes ?? []) project.push(`${p.blue('info')}     ${p.dim(`${n.file}:${n.line}`)}  ${n.message}`);
  if (!quiet) for (const s of meta.project?.skipped ?? []) project.push(`${p.dim('skipped')}  ${s.path}: ${s.reason}`);
  const projectBlock = project.length ? `${project.join('\n')}\n\n` : '';
  return `${anyBlock ? '\n\n' : ''}${projectBlock}${mark} ${summary}\n${meta.policy ? policyLines(meta.policy, p) : ''}`;
}

export const formatPretty: Formatter = (unsafeResults, unsafeMeta) => {
  const meta = inertMeta(unsafeMeta);
  const p = painter(meta.color === true);
  const rules = new Map(meta.rules.map((r) => [r.id, r]));
  const sorted = sortedResults(terminalData(unsafeResults));
  const blocks = blocksOf(sorted, meta, rules, p);
  return `${blocks.join('\n\n')}${tailOf(totals(sorted), meta, p, blocks.length > 0)}`;
};

/** The same report one target path at a time (a compose file's shared findings are those of
 *  its own services, so a path is a whole unit). */
export const streamPretty: StreamFormatter = (unsafeMeta, summary) => {
  const meta = inertMeta({ ...unsafeMeta, sources: {} });
  const p = painter(meta.color === true);
  const rules = new Map(meta.rules.map((r) => [r.id, r]));
  let anyBlock = false;
  return {
    begin: () => '',
    path: (results, sources) => {
      let out = '';
      for (const b of blocksOf(sortedResults(terminalData(results)), { ...meta, sources: inertKeys(sources) }, rules, p)) {
        out += anyBlock ? `\n\n${b}` : b;
        anyBlock = true;
      }
      return out;
    },
    end: () => tailOf(summary.totals, meta, p, anyBlock),
  };
};

/** What the summary says was left out: findings below --severity, findings in the baseline. */
function notShown(meta: ReportMeta): string[] {
  const d = meta.display;
  if (!d) return [];
  const out: string[] = [];
  if (d.belowSeverity) out.push(`${plural(d.belowSeverity, 'finding')} below ${d.severity} not shown`);
  if (d.baseline?.hidden) out.push(`${plural(d.baseline.hidden, 'finding')} in baseline ${terminalText(d.baseline.file)}`);
  return out;
}

/** The policy verdict under the summary: each target that falls short and what it misses. */
function policyLines(o: NonNullable<ReportMeta['policy']>, p: Paint): string {
  const name = o.name ?? `--require-level ${o.requiredLevel}`;
  if (o.pass) return `${p.green('✔')} policy ${name}: ${plural(o.checked, 'target')} meet it\n`;
  const lines = [`${p.red('✖')} policy ${name}: ${o.shortfalls.length} of ${plural(o.checked, 'target')} fall short`];
  for (const s of o.shortfalls) {
    const t = s.target;
    const title = `${t.path}${t.line ? `:${t.line}` : ''}${t.service ? ` service ${t.service}` : ''}${t.image && t.kind !== 'image' ? ` (${t.image})` : ''}`;
    lines.push(`  ${title} — ${s.policy} needs ${s.requiredLevel}: ${s.reason}${s.missing.length ? `; missing ${s.missing.join(', ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
