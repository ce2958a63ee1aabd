// The rule catalogue rendered for people and tools: `tightship rules` (text, JSON) and the
// generated docs/rules/ pages (Markdown). Pure functions of the metadata.
import type { CatalogueEntry } from '../engine/catalogue.js';

/** Every generated page ends with this line; `rules --output` only ever removes pages that have it. */
export const GENERATED_MARKER = 'Generated from the rule\'s metadata by `npm run docs`';

const TOOL_NAMES: Record<string, string> = {
  hadolint: 'hadolint', trivy: 'Trivy', checkov: 'Checkov', kics: 'KICS', dockle: 'dockle', buildkit: 'BuildKit checks', cis: 'CIS Docker Benchmark',
};

const FENCE_LANG: Record<string, string> = {
  dockerfile: 'dockerfile', tightship: 'dockerfile', compose: 'yaml', context: 'text', image: 'text', container: 'text', run: 'sh', scan: 'json',
};

export function levelText(level: CatalogueEntry['level']): string {
  if (level === 'nonroot') return 'nonroot: a finding keeps the target at root';
  if (level === 'hardened') return 'hardened: a finding keeps the target at nonroot';
  return 'none: hygiene, does not change the level';
}

export function rulesText(rules: readonly CatalogueEntry[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length), 2);
  const lines = [`${'id'.padEnd(idWidth)}  severity  level     title`];
  for (const r of rules) lines.push(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${(r.level ?? '-').padEnd(8)}  ${r.title}`);
  lines.push('', `${rules.length} rules. Details: tightship rules --format json, or docs/rules/<id>.md`);
  return `${lines.join('\n')}\n`;
}

export function rulesJson(rules: readonly CatalogueEntry[]): Record<string, unknown>[] {
  return rules.map((r) => {
    const o: Record<string, unknown> = {
      id: r.id,
      target: r.target,
      title: r.title,
      severity: r.severity,
      level: r.level,
      equivalents: r.equivalents,
      references: r.references,
      rationale: r.rationale,
      remediation: r.remediation,
      fixable: r.fixable ?? null,
      docs: `docs/rules/${r.id}.md`,
    };
    if (r.options) o.options = r.options.defaults;
    return o;
  });
}

function fence(code: string, lang: string): string {
  const ticks = code.includes('```') ? '~~~~' : '```';
  return `${ticks}${lang}\n${code.replace(/\n$/, '')}\n${ticks}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A schema keyword as text: a string as it is, a list of types joined by commas. */
function schemaText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(schemaText).join(',');
  return v === undefined || v === null ? '' : JSON.stringify(v);
}

function optionRows(r: CatalogueEntry): string[] {
  if (!r.options) return [];
  const props = ((r.options.schema as { properties?: Record<string, Record<string, unknown>> }).properties) ?? {};
  const defaults = r.options.defaults as Record<string, unknown>;
  const names = [...new Set([...Object.keys(props), ...Object.keys(defaults)])];
  const rows = ['## Options', '', '| option | default | allowed | description |', '|---|---|---|---|'];
  for (const n of names) {
    const p = props[n] ?? {};
    const allowed = Array.isArray(p.enum) ? p.enum.map((v) => `\`${String(v)}\``).join(', ') : schemaText(p.type);
    rows.push(`| \`${n}\` | \`${JSON.stringify(defaults[n])}\` | ${cell(allowed)} | ${cell(schemaText(p.description))} |`);
  }
  rows.push('', 'Set them in `.tightship.yaml`:', '', fence(`rules:\n  ${r.id}:\n    options:\n${names.map((n) => `      ${n}: ${JSON.stringify(defaults[n])}`).join('\n')}`, 'yaml'), '');
  return rows;
}

function relLink(fromId: string, toPath: string): string {
  const depth = fromId.split('/').length - 1;
  return `${'../'.repeat(depth)}${toPath}`;
}

/** How a target's findings can be silenced inline (from the target list, src/targets/index.ts);
 *  inline null: the input has no comments of ours. */
export interface SuppressionDoc {
  inline: string | null;
  placement?: string;
}

/** The ways to silence this rule that work for its target. */
function suppressionLines(r: CatalogueEntry, syntax: ReadonlyMap<string, SuppressionDoc>): string[] {
  const config = relLink(r.id, '../configuration.md');
  // the engine's own findings sit in the files that hold comments (Dockerfiles, compose files)
  const targets = r.target === 'tightship'
    ? [...syntax.entries()].filter(([kind, s]) => s.inline !== null && kind !== 'context')
    : [[r.target, syntax.get(r.target)] as const];
  const lines: string[] = [];
  for (const [kind, s] of targets) {
    if (!s) continue;
    if (s.inline === null) {
      const what = kind === 'image' ? 'An image has' : kind === 'container' ? 'A container has' : `A ${kind} target has`;
      lines.push(`${what} no comments of ours, so no inline ignore applies to this rule: turn it off or change its severity ` +
        `in \`.tightship.yaml\` as above (see [configuration](${config})).`);
    } else {
      const written = s.inline.replace('<id>', r.id).replace('<reason>', 'reason');
      const where = kind === 'dockerfile' ? 'In a Dockerfile, ignore' : kind === 'run' ? 'In a script, Makefile or workflow (run lines), ignore' : `In a ${kind} file, ignore`;
      lines.push(`${r.target === 'tightship' ? where : 'Ignore'} one place: \`${written}\`${s.placement ? ` ${s.placement}` : ''} (see [configuration](${config})).`);
    }
  }
  return lines.flatMap((l) => [l, '']);
}

export function rulePage(r: CatalogueEntry, syntax: ReadonlyMap<string, SuppressionDoc> = new Map()): string {
  const lang = FENCE_LANG[r.target] ?? 'text';
  const eq = Object.entries<string[] | undefined>(r.equivalents).flatMap(([tool, ids]): [string, string[]][] => (ids?.length ? [[tool, ids]] : []));
  const fixable = r.fixable === 'safe' ? 'yes (`--fix`)' : r.fixable === 'suggestion' ? 'suggestion only (never applied automatically)' : 'no';
  const lines = [
    `# ${r.id}`,
    '',
    `**${r.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Target | ${r.target} |`,
    `| Default severity | ${r.severity} |`,
    `| Level | ${levelText(r.level)} |`,
    `| Fixable | ${fixable} |`,
    ...(r.breaksBuild ? ['| Breaks the build | yes: a target with an error of this rule is not graded (level unknown) |'] : []),
    '',
    '## Why it matters',
    '',
    r.rationale,
    '',
    '## How to fix',
    '',
    r.remediation,
    '',
    ...optionRows(r),
    '## Examples',
    '',
    'Flagged:',
    '',
    fence(r.examples.bad, lang),
    '',
    'Not flagged:',
    '',
    fence(r.examples.good, lang),
    '',
  ];
  if (eq.length) {
    lines.push('## Equivalents', '', '| tool | ids |', '|---|---|');
    for (const [tool, ids] of eq) lines.push(`| ${TOOL_NAMES[tool] ?? tool} | ${ids.map((i) => `\`${cell(i)}\``).join(', ')} |`);
    lines.push('');
    if (r.equivalents.hadolint?.length) {
      lines.push(`\`# hadolint ignore=${r.equivalents.hadolint.join(',')}\` comments are honoured as ignores of this rule.`, '');
    }
  }
  if (r.references.length) {
    lines.push('## References', '');
    for (const ref of r.references) {
      const link = /^https?:/.test(ref) ? `<${ref}>` : ref.startsWith('docs/') ? `[${ref}](${relLink(r.id, '../' + ref.slice(5))})` : ref;
      lines.push(`- ${link}`);
    }
    lines.push('');
  }
  lines.push('## Configuration', '', fence(`rules:\n  ${r.id}: off        # or error | warning | info`, 'yaml'), '',
    ...suppressionLines(r, syntax),
    '---', '', `_${GENERATED_MARKER}; edit the rule, not this page._`, '');
  return lines.join('\n');
}

export function rulesIndex(rules: readonly CatalogueEntry[]): string {
  const byTarget = new Map<string, CatalogueEntry[]>();
  for (const r of rules) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r]);
  const lines = [
    '# Rules',
    '',
    `${rules.length} rules. Each finding names its rule id; every page says why the rule matters, how to fix it,`,
    'its options, examples and the matching ids of other tools.',
    '',
    '## Levels',
    '',
    'Every audited target gets a level, from worst to best:',
    '',
    '- **root**: runs as UID 0 (or a rule guarding `nonroot` has a finding).',
    '- **nonroot**: runs as a non-root user, but a rule guarding `hardened` has a finding.',
    '- **hardened**: no finding of any rule guarding a level.',
    '',
    'A target that would not build (an error of a rule marked *breaks the build*, such as a parse error or a',
    'COPY source missing from the context) is not graded: its level is unknown, with the reason.',
    'Findings suppressed by an ignore with a reason are listed as accepted risks beside the level.',
    '',
    'The *Level* column says which level a rule guards; `-` is hygiene that does not change the level.',
    '',
  ];
  for (const [target, targetRules] of [...byTarget].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`## ${target}`, '', '| rule | severity | level | title |', '|---|---|---|---|');
    for (const r of targetRules) lines.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${r.level ?? '-'} | ${cell(r.title)} |`);
    lines.push('');
  }
  lines.push('---', '', '_Generated by `npm run docs` (`tightship rules --format markdown --output docs/rules`)._', '');
  return lines.join('\n');
}

/** Every page of docs/rules/, keyed by path relative to that folder, in a stable order. */
export function ruleDocs(rules: readonly CatalogueEntry[], syntax: ReadonlyMap<string, SuppressionDoc> = new Map()): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set('README.md', rulesIndex(rules));
  for (const r of rules) pages.set(`${r.id}.md`, rulePage(r, syntax));
  return pages;
}
