// Parity with hadolint: runs tightship's library, in this one process, on every case extracted by
// generate.ts and, for each DL rule that some tightship rule claims in `equivalents.hadolint`,
// checks agreement: flagged by one of the claiming rules ⇔ hadolint's test expects the rule to fire.
//
//   node dist/bench/hadolint-parity/measure.js [CASES.json] [--details] [--write]
//     CASES.json defaults to /work/hadolint-cases/cases.json (or $HADOLINT_CASES)
//     --details  print every disagreement with its Dockerfile (to stdout only: the snippets are
//                hadolint's, they never go into the repository)
//     --write    replace the measured section of bench/hadolint-parity/RESULTS.md
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules, catalogue } from '../../src/rules/index.js';
import { auditDockerfileText } from '../../src/targets/dockerfile/audit.js';
import { defaultConfig, type ResolvedConfig } from '../../src/engine/config-types.js';
import type { CatalogueEntry } from '../../src/engine/catalogue.js';
import { translateHadolintConfig } from '../../src/engine/hadolint-config.js';
import type { HadolintCase } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const RESULTS = resolve(repo, 'bench/hadolint-parity/RESULTS.md');

interface Outcome { c: HadolintCase; ours: boolean; agree: boolean }

/** DL id → the rules that claim it. Only rules that run on a Dockerfile text count (image and
 *  container rules claim some DL ids too, for their own inputs); the engine's own rules
 *  (tightship/parse-error) count, as their findings are part of a Dockerfile's result. */
export function claims(rules: readonly CatalogueEntry[]): Map<string, CatalogueEntry[]> {
  const out = new Map<string, CatalogueEntry[]>();
  for (const r of rules) {
    for (const dl of r.equivalents.hadolint ?? []) {
      let claimers = out.get(dl);
      if (!claimers) out.set(dl, (claimers = []));
      if (r.target === 'dockerfile' || r.id.startsWith('tightship/')) claimers.push(r);
    }
  }
  return out;
}

/** The case's hadolint settings as a tightship config, through the same translator as `migrate`. */
function configFor(c: HadolintCase): ResolvedConfig {
  const config = defaultConfig();
  if (!c.config) return config;
  const hadolint: Record<string, unknown> = {};
  if (c.config.allowedRegistries) hadolint.trustedRegistries = c.config.allowedRegistries;
  if (c.config.labelSchema) {
    const kinds: Record<string, string> = { RawText: 'text', Url: 'url', Rfc3339: 'rfc3339', Spdx: 'spdx', GitHash: 'hash', SemVer: 'semver', Email: 'email' };
    hadolint['label-schema'] = Object.fromEntries(Object.entries(c.config.labelSchema).map(([k, v]) => [k, kinds[v] ?? v.toLowerCase()]));
  }
  if (c.config.strictLabels !== undefined) hadolint['strict-labels'] = c.config.strictLabels;
  const t = translateHadolintConfig({ yaml: JSON.stringify(hadolint), env: {}, rules: allRules });
  for (const [id, s] of Object.entries(t.config.rules ?? {})) config.rules[id] = typeof s === 'string' ? { severity: s } : s;
  return config;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? process.env.HADOLINT_CASES ?? '/work/hadolint-cases/cases.json';
  let data: { cases: HadolintCase[]; specFiles: number };
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${(err as Error).message}\nhint: run generate.js on a hadolint checkout first\n`);
    process.exit(2);
  }
  const byDl = claims(catalogue());
  const claimedAll = [...byDl.keys()].filter((k) => /^DL\d{4}$/.test(k)).sort();
  const claimedHere = claimedAll.filter((k) => (byDl.get(k) ?? []).length > 0);
  const outcomes: Outcome[] = [];
  const today = '2026-01-01';
  for (const c of data.cases) {
    const claimers = byDl.get(c.rule);
    if (!claimers?.length) continue;
    const ids = new Set(claimers.map((r) => r.id));
    const { result } = await auditDockerfileText(c.dockerfile, '/parity/Dockerfile', {
      cwd: '/parity', config: configFor(c), rules: allRules, auditContext: false, shellcheck: false, today,
    });
    const ours = result.findings.some((f) => ids.has(f.ruleId));
    outcomes.push({ c, ours, agree: ours === c.flagged });
  }

  const agree = outcomes.filter((o) => o.agree).length;
  const perRule = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const list = perRule.get(o.c.rule);
    if (list) list.push(o);
    else perRule.set(o.c.rule, [o]);
  }
  const byKey = <V>(m: Map<string, V>): [string, V][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const lines: string[] = [];
  lines.push(`Cases: ${data.cases.length} extracted from ${data.specFiles} spec files, for ${new Set(data.cases.map((c) => c.rule)).size} DL rules.`);
  lines.push('');
  lines.push(`**Agreement on claimed rules: ${pct(agree, outcomes.length)} (${agree}/${outcomes.length})**`);
  lines.push('');
  lines.push(`DL rules claimed in \`equivalents.hadolint\` by a rule that runs on Dockerfiles: **${claimedHere.length}**` +
    ` (${claimedHere.filter((d) => perRule.has(d)).length} of them have hadolint test cases).`);
  lines.push('');
  const onb = outcomes.filter((o) => o.c.onbuild), plain = outcomes.filter((o) => !o.c.onbuild);
  lines.push(`Plain cases: ${pct(plain.filter((o) => o.agree).length, plain.length)} (${plain.filter((o) => o.agree).length}/${plain.length}); ` +
    `ONBUILD-wrapped cases: ${pct(onb.filter((o) => o.agree).length, onb.length)} (${onb.filter((o) => o.agree).length}/${onb.length}).`);
  lines.push('');
  lines.push('| DL rule | tightship rule(s) | cases | agree | missed (hadolint flags, we do not) | extra (we flag, hadolint does not) |');
  lines.push('|---|---|---:|---:|---:|---:|');
  for (const [dl, os] of byKey(perRule)) {
    const a = os.filter((o) => o.agree).length;
    const missed = os.filter((o) => !o.agree && o.c.flagged);
    const extra = os.filter((o) => !o.agree && !o.c.flagged);
    const fmt = (xs: Outcome[]) => (xs.length ? `${xs.length}${xs.some((o) => o.c.onbuild) ? ` (${xs.filter((o) => o.c.onbuild).length} ONBUILD)` : ''}` : '0');
    lines.push(`| ${dl} | ${(byDl.get(dl) ?? []).map((r) => `\`${r.id}\``).join(', ')} | ${os.length} | ${pct(a, os.length)} | ${fmt(missed)} | ${fmt(extra)} |`);
  }
  lines.push('');
  const noCases = claimedHere.filter((d) => !perRule.has(d));
  if (noCases.length) lines.push(`Claimed without hadolint test cases: ${noCases.join(', ')}.`, '');
  const unclaimed = [...new Set(data.cases.map((c) => c.rule))].filter((d) => !byDl.get(d)?.length).sort();
  lines.push(`DL rules with test cases but no claiming rule (${unclaimed.length}): ${unclaimed.join(', ')}.`);
  lines.push('');
  lines.push('Disagreements by rule (spec file and line in hadolint\'s test suite; m = missed, e = extra, o = ONBUILD-wrapped):');
  lines.push('');
  for (const [dl, os] of byKey(perRule)) {
    const bad = os.filter((o) => !o.agree);
    if (!bad.length) continue;
    lines.push(`- ${dl}: ${bad.map((o) => `${o.c.source.replace(/^.*:/, 'l.')}${o.c.flagged ? 'm' : 'e'}${o.c.onbuild ? 'o' : ''}`).join(' ')}`);
  }
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);

  if (args.includes('--details')) {
    for (const o of outcomes.filter((x) => !x.agree)) {
      process.stdout.write(`\n=== ${o.c.rule} ${o.c.source} ${o.c.flagged ? 'MISSED' : 'EXTRA'} — ${o.c.title}\n${o.c.dockerfile}`);
    }
  }
  if (args.includes('--write')) {
    const old = readFileSync(RESULTS, 'utf8');
    const start = '<!-- measured:start -->', end = '<!-- measured:end -->';
    const a = old.indexOf(start), b = old.indexOf(end);
    if (a < 0 || b < a) throw new Error(`${RESULTS} has no measured section markers`);
    writeFileSync(RESULTS, `${old.slice(0, a + start.length)}\n${report}\n${old.slice(b)}`);
    process.stdout.write(`\nwrote ${RESULTS}\n`);
  }
}

if (process.argv[1] && /measure\.js$/.test(process.argv[1])) await main();
