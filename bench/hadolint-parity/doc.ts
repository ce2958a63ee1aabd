// Writes docs/hadolint.md: every DL rule, the tightship rule that claims it (from the rules'
// `equivalents.hadolint`) or why there is none yet, and the hadolint settings that are honoured.
//   node dist/bench/hadolint-parity/doc.js            (writes docs/hadolint.md)
//   node dist/bench/hadolint-parity/doc.js --check    (exit 1 when the page is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../../src/rules/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PAGE = resolve(repo, 'docs/hadolint.md');

/** What each DL rule checks (our summary) and, when no tightship rule claims it, why. */
const DL: Record<string, [string, string?]> = {
  DL1001: ['inline ignore comments are not wanted at all', 'tightship reports ignore hygiene instead: `tightship/ignore-without-reason`, `tightship/unused-ignore`, `tightship/expired-ignore`; `inlineIgnores: false` forbids them'],
  DL3000: ['WORKDIR is absolute'],
  DL3001: ['RUN calls tools that make no sense in a build (free, kill, mount, ps, service, shutdown, ssh, top, vim)'],
  DL3002: ['the last USER is not root'],
  DL3003: ['WORKDIR instead of `cd` in RUN'],
  DL3004: ['no sudo'],
  DL3005: ['no `apt-get upgrade` / dist-upgrade (removed from hadolint)'],
  DL3006: ['the FROM image has a tag'],
  DL3007: ['the FROM tag is not `latest`'],
  DL3008: ['apt-get install pins versions'],
  DL3009: ['apt lists are removed after install'],
  DL3010: ['ADD to extract a local archive instead of COPY + tar', 'not yet (planned; a style rule more than a hardening one)'],
  DL3011: ['EXPOSE ports are in 0–65535'],
  DL3012: ['one HEALTHCHECK at most'],
  DL3013: ['pip install pins versions'],
  DL3014: ['apt-get install has `-y`'],
  DL3015: ['apt-get install has `--no-install-recommends`'],
  DL3016: ['npm install pins versions'],
  DL3017: ['no `apk upgrade` (removed from hadolint)'],
  DL3018: ['apk add pins versions'],
  DL3019: ['apk add uses `--no-cache`'],
  DL3020: ['COPY instead of ADD for local files'],
  DL3021: ['COPY of several sources to a folder ending in `/`'],
  DL3022: ['COPY --from names an earlier stage'],
  DL3023: ['COPY --from does not name its own stage'],
  DL3024: ['stage names are unique'],
  DL3025: ['CMD / ENTRYPOINT in JSON form'],
  DL3026: ['FROM, COPY --from and RUN --mount images only from allowed registries (`trustedRegistries`)'],
  DL3027: ['apt-get instead of apt'],
  DL3028: ['gem install pins versions', 'not yet (planned)'],
  DL3029: ['no constant `--platform` on FROM'],
  DL3030: ['yum install has `-y`'],
  DL3031: ['no `yum update` (removed from hadolint)'],
  DL3032: ['`yum clean all` after yum'],
  DL3033: ['yum install pins versions'],
  DL3034: ['zypper has a non-interactive switch'],
  DL3035: ['no `zypper dist-upgrade`'],
  DL3036: ['`zypper clean` after zypper'],
  DL3037: ['zypper install pins versions'],
  DL3038: ['dnf install has `-y`'],
  DL3039: ['no `dnf upgrade` (removed from hadolint)'],
  DL3040: ['`dnf clean all` after dnf'],
  DL3041: ['dnf install pins versions'],
  DL3042: ['pip install uses `--no-cache-dir`'],
  DL3043: ['no ONBUILD ONBUILD / FROM / MAINTAINER'],
  DL3044: ['an ENV does not refer to a variable it defines itself'],
  DL3045: ['COPY to a relative path only after WORKDIR'],
  DL3046: ['useradd with a large UID uses `-l`'],
  DL3047: ['wget without `--progress` bloats logs', 'no: a log-size matter, not hardening'],
  DL3048: ['label keys are valid'],
  DL3049: ['required labels are present (`label-schema`)'],
  DL3050: ['no labels outside the schema (`strict-labels`)'],
  DL3051: ['labels are not empty'],
  DL3052: ['URL labels hold URLs'],
  DL3053: ['date labels hold RFC 3339 times'],
  DL3054: ['license labels hold SPDX ids'],
  DL3055: ['hash labels hold git hashes'],
  DL3056: ['version labels hold semantic versions'],
  DL3057: ['a HEALTHCHECK is present (tightship: in the final stage, not in an artifact stage FROM scratch)'],
  DL3058: ['email labels hold addresses'],
  DL3059: ['consecutive RUNs could be one', 'no: a layer-count matter, not hardening'],
  DL3060: ['`yarn cache clean` after yarn install', 'not yet (planned)'],
  DL3061: ['the file starts with FROM, ARG or a comment'],
  DL3062: ['go install pins versions (not `@latest`)', 'not yet (planned)'],
  DL3063: ['stage names are not reserved words', 'not yet'],
  DL3064: ['no sensitive values in ARG / ENV'],
  DL3065: ['no redundant `--platform=$TARGETPLATFORM`', 'not yet'],
  DL3066: ['USER names a numeric id', 'not yet'],
  DL3067: ['no COPY of a whole file system from a stage', 'not yet'],
  DL4000: ['MAINTAINER is deprecated'],
  DL4001: ['curl or wget, not both'],
  DL4002: ['(no such rule in hadolint)'],
  DL4003: ['one CMD'],
  DL4004: ['one ENTRYPOINT'],
  DL4005: ['SHELL instead of linking /bin/sh'],
  DL4006: ['`set -o pipefail` before a RUN with a pipe'],
};

export function hadolintPage(): string {
  const rules = catalogue().filter((r) => r.target === 'dockerfile' || r.target === 'tightship');
  const byDl = new Map<string, string[]>();
  for (const r of rules) for (const dl of r.equivalents.hadolint ?? []) byDl.set(dl, [...(byDl.get(dl) ?? []), r.id]);
  const ids = Object.keys(DL).sort();
  const claimed = ids.filter((d) => byDl.has(d));
  const out: string[] = [];
  out.push('# Moving from hadolint', '');
  out.push('<!-- generated by bench/hadolint-parity/doc.ts from the rules\' equivalents; do not edit by hand -->', '');
  out.push('tightship reads a hadolint setup as it is: `# hadolint ignore=DL…` comments are honoured for the rules');
  out.push('below, and `tightship migrate hadolint` turns `.hadolint.yaml` / `.hadolint.yml` and the `HADOLINT_*`');
  out.push('variables into a `.tightship.yaml`, with one comment per setting saying what was carried over.', '');
  out.push('## Settings', '');
  out.push('| hadolint | tightship | |');
  out.push('|---|---|---|');
  out.push('| `ignored`, `HADOLINT_IGNORE` | `rules: {id: off}` | a rule is turned off when every DL id it claims is ignored; SC codes go to `dockerfile/shellcheck` `options.exclude` |');
  out.push('| `override` (error, warning, info, style), `HADOLINT_OVERRIDE_*` | `rules: {id: severity}` | style becomes info; when the DL ids of one rule get different severities, the most severe applies |');
  out.push('| `failure-threshold`, `HADOLINT_FAILURE_THRESHOLD` | `failOn` | style and ignore become info |');
  out.push('| `no-fail`, `HADOLINT_NOFAIL` | `failOn: none` | |');
  out.push('| `disable-ignore-pragma`, `HADOLINT_DISABLE_IGNORE_PRAGMA` | `inlineIgnores: false` | also turns off `# tightship ignore=` comments |');
  out.push('| `label-schema`, `HADOLINT_REQUIRE_LABELS` | `dockerfile/missing-oci-labels` `options.required`, `dockerfile/label-schema` `options.labels` | presence (DL3049); empty and typed values (DL3051–DL3056, DL3058) |');
  out.push('| `strict-labels`, `HADOLINT_STRICT_LABELS` | `dockerfile/label-schema` `options.strict` | labels outside the schema (DL3050) |');
  out.push('| `trustedRegistries`, `HADOLINT_TRUSTED_REGISTRIES` | `dockerfile/untrusted-registry` `options.allowed` | DL3026 |');
  out.push('| `format`, `no-color`, `verbose`, `HADOLINT_FORMAT`, `HADOLINT_VERBOSE` | command-line flags | output settings, not carried over |');
  out.push('');
  out.push('hadolint settings apply to Dockerfile rules only: image and container rules that name a DL id keep');
  out.push('their own configuration.', '');
  out.push('## Rules', '');
  out.push(`${claimed.length} of the ${ids.length} DL ids listed here are claimed by a tightship rule. The agreement with`);
  out.push("hadolint's own test cases is measured in `bench/hadolint-parity/RESULTS.md`.", '');
  out.push('| DL | what it checks | tightship |');
  out.push('|---|---|---|');
  for (const d of ids) {
    const [what, why] = DL[d];
    const ours = byDl.get(d);
    out.push(`| ${d} | ${what} | ${ours ? ours.map((id) => `[\`${id}\`](rules/${id}.md)`).join(', ') : `none: ${why ?? 'not yet'}`} |`);
  }
  const unknown = [...byDl].filter(([d]) => !(d in DL)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (unknown.length) out.push('', `Also claimed: ${unknown.map(([d, ours]) => `${d} (${ours.join(', ')})`).join(', ')}.`);
  out.push('', '## ShellCheck', '');
  out.push('hadolint runs ShellCheck on every RUN; so does tightship, as [`dockerfile/shellcheck`](rules/dockerfile/shellcheck.md),');
  out.push('when the `shellcheck` binary is on PATH (Debian/Ubuntu package `shellcheck`). It follows hadolint\'s defaults:');
  out.push('the dialect of the SHELL in force (sh, bash, dash, ksh; other shells are skipped), SC2187, SC1090 and SC1091');
  out.push('left out, the ARG/ENV names declared. `# hadolint ignore=SC2086` and `# tightship ignore=SC2086 -- reason`');
  out.push('are honoured for that one code; `--no-shellcheck` (or the rule turned off) skips ShellCheck; without the');
  out.push('binary, lint prints one info line and reports no SC codes.', '');
  return out.join('\n');
}

if (process.argv[1] && /doc\.js$/.test(process.argv[1])) {
  const page = hadolintPage();
  if (process.argv.includes('--check')) {
    const old = readFileSync(PAGE, 'utf8');
    if (old !== page) { process.stderr.write('docs/hadolint.md is stale: run node dist/bench/hadolint-parity/doc.js\n'); process.exit(1); }
  } else {
    writeFileSync(PAGE, page);
    process.stdout.write(`wrote ${PAGE}\n`);
  }
}
