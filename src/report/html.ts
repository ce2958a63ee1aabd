// The HTML report: one self-contained page (inline CSS and script, no network: a Content
// Security Policy of default-src 'none' allows only this page's own style and script, by hash).
// Per target its level and what keeps it from the next one, then the findings with a code frame
// (the offending text marked), the message, how to fix it and whether --fix can. A small script
// filters by severity and rule; without it every finding shows. Printed, the filters disappear
// and findings do not break across pages. Every string from the input is escaped.
import { createHash } from 'node:crypto';
import type { Finding, Severity, TargetResult } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { docsUri, nextLevel, plural, showsSource, sortedResults, targetName, totals, type Formatter } from './common.js';

const FRAME_CONTEXT = 1;
const MAX_FRAME_LINES = 8;
const MAX_LINE_WIDTH = 200;

/** Text for element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
:root { --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --panel: #f6f8fa;
  --error: #b3261e; --warning: #8a5a00; --info: #0b5cad; --root: #b3261e; --nonroot: #8a5a00; --hardened: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 70rem; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; word-break: break-all; }
code, pre { font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.summary { color: var(--muted); margin: 0 0 1rem; }
#filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .6rem .8rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); margin-bottom: 1.25rem; }
#filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .6rem; align-items: center; }
#filters legend { float: left; margin-right: .4rem; font-weight: 600; }
#count { color: var(--muted); margin-left: auto; }
.target { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.1rem; margin-bottom: 1.25rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; color: #fff; background: var(--muted); }
.badge.root { background: var(--root); } .badge.nonroot { background: var(--nonroot); } .badge.hardened { background: var(--hardened); }
.kind { color: var(--muted); font-size: .85rem; font-weight: 400; }
.next { margin: .5rem 0; }
.next ul { margin: .25rem 0 0; padding-left: 1.2rem; }
.problem { color: var(--error); font-weight: 600; }
.findings { list-style: none; margin: .75rem 0 0; padding: 0; }
.finding { border-top: 1px solid var(--line); padding: .75rem 0; }
.finding[hidden] { display: none; }
.head { display: flex; flex-wrap: wrap; gap: .6rem; align-items: baseline; }
.sev { font-weight: 700; text-transform: uppercase; font-size: .75rem; letter-spacing: .04em; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
.where { color: var(--muted); }
.rule a { color: inherit; }
.msg { margin: .3rem 0; }
.frame { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .4rem .6rem; overflow-x: auto; margin: .4rem 0; }
.frame .n { color: var(--muted); user-select: none; }
.frame .hit { background: #fff8c5; display: inline-block; min-width: 100%; }
.frame mark { background: #ffd8d3; color: inherit; border-bottom: 2px solid var(--error); }
.hidden-source { color: var(--muted); font-style: italic; }
.fix { margin: .3rem 0 0; }
.accepted { color: var(--muted); margin-top: .75rem; }
.none { color: var(--muted); }
footer { color: var(--muted); font-size: .85rem; margin-top: 2rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  #filters { display: none; }
  .target { border: 0; border-top: 2px solid #000; border-radius: 0; padding: .5rem 0; break-inside: auto; }
  .finding { break-inside: avoid; }
  .frame { overflow: visible; white-space: pre-wrap; word-break: break-all; }
  a { color: inherit; text-decoration: none; }
  .badge { color: #000; border: 1px solid #000; background: none !important; }
}
`;

const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var count = document.getElementById('count');
  function apply() {
    var rule = form.elements.namedItem('rule').value;
    var shown = 0;
    items.forEach(function (li) {
      var box = form.elements.namedItem('sev-' + li.getAttribute('data-severity'));
      var visible = (!box || box.checked) && (rule === '' || li.getAttribute('data-rule') === rule);
      li.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = 'showing ' + shown + ' of ' + items.length + ' finding' + (items.length === 1 ? '' : 's');
  }
  form.addEventListener('change', apply);
  form.hidden = false;
  apply();
})();
`;

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('base64');
}

function textless(f: Finding): boolean {
  const l = f.location;
  return Boolean(l.imagePath || l.field) && l.startLine === 1 && l.startColumn === 1 && l.endLine === 1 && l.endColumn === 1;
}

function where(f: Finding): string {
  const l = f.location;
  const logical = l.yamlPath ?? l.imagePath ?? l.field;
  if (textless(f)) return `${l.path} ${logical}`;
  return `${l.path}:${l.startLine}:${l.startColumn}${logical ? ` · ${logical}` : ''}`;
}

function clip(s: string): string {
  return s.length > MAX_LINE_WIDTH ? `${s.slice(0, MAX_LINE_WIDTH)}…` : s;
}

/** The finding's lines with one line around them, the offending columns marked. */
function codeFrame(f: Finding, source: string | undefined, secretLines: ReadonlySet<number>): string {
  if (!showsSource(f)) return '<p class="hidden-source">Source not shown: the line holds a secret.</p>';
  if (source === undefined || textless(f)) return '';
  const lines = source.split('\n').map((l) => l.replace(/\r$/, '').replace(/\t/g, '  '));
  const l = f.location;
  if (l.startLine < 1 || l.startLine > lines.length) return '';
  const lastHit = Math.min(Math.max(l.endLine, l.startLine), lines.length, l.startLine + MAX_FRAME_LINES - 1);
  const first = Math.max(1, l.startLine - FRAME_CONTEXT);
  const last = Math.min(lines.length, lastHit + FRAME_CONTEXT);
  const width = String(last).length;
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[n - 1] ?? '';
    const num = `<span class="n">${String(n).padStart(width)} │ </span>`;
    if (secretLines.has(n)) {
      rows.push(`${num}<span class="hidden-source">(line not shown: it holds a secret)</span>`);
      continue;
    }
    if (n < l.startLine || n > lastHit) {
      rows.push(`${num}${escapeHtml(clip(raw))}`);
      continue;
    }
    const from = n === l.startLine ? Math.max(0, l.startColumn - 1) : 0;
    const to = n === l.endLine && l.endColumn - 1 > from ? l.endColumn - 1 : raw.length;
    const marked = from < raw.length
      ? `${escapeHtml(clip(raw.slice(0, from)))}<mark>${escapeHtml(clip(raw.slice(from, to)))}</mark>${escapeHtml(clip(raw.slice(to)))}`
      : escapeHtml(clip(raw));
    rows.push(`<span class="hit">${num}${marked}</span>`);
  }
  return `<pre class="frame"><code>${rows.join('\n')}</code></pre>`;
}

/** The lines of each file that a sensitive finding points at: never shown, not even as context. */
function secretLinesOf(results: readonly TargetResult[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const r of results) {
    for (const f of r.findings) {
      if (showsSource(f)) continue;
      const set = out.get(f.location.path) ?? new Set<number>();
      for (let n = f.location.startLine; n <= Math.max(f.location.startLine, f.location.endLine); n++) set.add(n);
      out.set(f.location.path, set);
    }
  }
  return out;
}

interface Context {
  rules: Map<string, CatalogueEntry>;
  sources: Record<string, string> | undefined;
  secretLines: Map<string, Set<number>>;
}

function finding(f: Finding, c: Context): string {
  const rule = c.rules.get(f.ruleId);
  const fix: string[] = [];
  if (rule) fix.push(`<p class="fix"><strong>How to fix:</strong> ${escapeHtml(rule.remediation)}</p>`);
  if (f.fix) fix.push(`<p class="fix"><strong>${f.fix.safe ? '<code>--fix</code> applies' : 'Suggested edit'}:</strong> ${escapeHtml(f.fix.description)}</p>`);
  return [
    `<li class="finding" data-severity="${f.severity}" data-rule="${escapeHtml(f.ruleId)}">`,
    `<div class="head"><span class="sev ${f.severity}">${f.severity}</span>`
      + `<code class="rule"><a href="${escapeHtml(docsUri(f.ruleId))}">${escapeHtml(f.ruleId)}</a></code>`
      + `<span class="where">${escapeHtml(where(f))}</span></div>`,
    `<p class="msg">${escapeHtml(f.message)}</p>`,
    codeFrame(f, c.sources?.[f.location.path], c.secretLines.get(f.location.path) ?? new Set()),
    ...fix,
    '</li>',
  ].filter(Boolean).join('\n');
}

function target(r: TargetResult, index: number, c: Context): string {
  const rules = c.rules;
  const level = r.level ?? 'ungraded';
  const out = [
    `<section class="target" id="target-${index + 1}" data-level="${level}">`,
    `<h2><span>${escapeHtml(targetName(r.target))}</span> <span class="badge ${level}">${level}</span> <span class="kind">${escapeHtml(r.target.kind)}</span></h2>`,
  ];
  if (r.error !== undefined) out.push(`<p class="problem">Could not be audited: ${escapeHtml(r.error)}</p>`);
  if (r.levelReason) out.push(`<p class="problem">Not graded: ${escapeHtml(r.levelReason)}</p>`);
  const next = nextLevel(r.level);
  if (next && r.missingForNextLevel.length) {
    const items = r.missingForNextLevel.map((id) => {
      const rule = rules.get(id);
      return `<li><code>${escapeHtml(id)}</code>${rule ? ` — ${escapeHtml(rule.title)}` : ''}</li>`;
    });
    out.push(`<div class="next">To reach <strong>${next}</strong>, fix:<ul>${items.join('')}</ul></div>`);
  } else if (r.level === 'hardened') {
    out.push('<p class="next">Hardened: the highest level.</p>');
  }
  if (r.findings.length) {
    out.push('<ol class="findings">', ...r.findings.map((f) => finding(f, c)), '</ol>');
  } else if (r.error === undefined) {
    out.push('<p class="none">No findings.</p>');
  }
  if (r.acceptedRisks?.length) {
    const items = r.acceptedRisks.map((a) => `<li><code>${escapeHtml(a.ruleId)}</code> at ${escapeHtml(`${a.location.path}:${a.location.startLine}`)}: ${escapeHtml(a.reason)}</li>`);
    out.push(`<div class="accepted">Accepted risks (ignored with a reason):<ul>${items.join('')}</ul></div>`);
  }
  out.push('</section>');
  return out.join('\n');
}

export const formatHtml: Formatter = (results, meta) => {
  const sorted = sortedResults(results);
  const rules = new Map(meta.rules.map((r) => [r.id, r]));
  const t = totals(sorted);
  const ruleIds = [...new Set(sorted.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
  const counts: Record<Severity, number> = { error: t.error, warning: t.warning, info: t.info };
  const levels = (['root', 'nonroot', 'hardened'] as const).filter((l) => t.levels[l]).map((l) => `${t.levels[l]} ${l}`);
  const summary = [plural(t.targets, 'target'), ...levels, plural(t.error, 'error'), plural(t.warning, 'warning'), plural(t.info, 'info')];
  if (t.targetErrors) summary.push(`${t.targetErrors} not audited`);
  const context: Context = { rules, sources: meta.sources, secretLines: secretLinesOf(sorted) };
  const csp = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'`;
  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>tightship report</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>tightship report</h1>',
    `<p class="summary">${escapeHtml(summary.join(' · '))}</p>`,
    '</header>',
    // hidden until the script runs: without it there is nothing to filter with
    '<form id="filters" hidden>',
    `<fieldset><legend>Severity</legend>${SEVERITIES.map((s) => `<label><input type="checkbox" name="sev-${s}" checked> ${s} (${counts[s]})</label>`).join(' ')}</fieldset>`,
    `<label><strong>Rule</strong> <select name="rule"><option value="">all rules</option>${ruleIds.map((id) => `<option value="${escapeHtml(id)}">${escapeHtml(id)}</option>`).join('')}</select></label>`,
    '<span id="count"></span>',
    '</form>',
    '<main>',
    ...sorted.map((r, i) => target(r, i, context)),
    '</main>',
    `<footer>tightship ${escapeHtml(meta.toolVersion)}</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
};
