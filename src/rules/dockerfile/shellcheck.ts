import { defineRule, type Severity } from '../../engine/types.js';
import { HADOLINT_DEFAULT_EXCLUSIONS } from '../../targets/dockerfile/shellcheck.js';

interface Options {
  /** SC codes not reported (beyond hadolint's default exclusions, which ShellCheck is run with). */
  exclude: string[];
}

const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

export default defineRule<'dockerfile', Options>({
  id: 'dockerfile/shellcheck',
  target: 'dockerfile',
  title: 'ShellCheck finds a problem in a RUN script',
  severity: 'warning',
  level: null,
  codes: 'SC\\d{4}',
  rationale:
    'A RUN line is a shell script, and the mistakes of shell scripts are in it too: unquoted variables split ' +
    'on spaces (SC2086), `cd` without `|| exit` (SC2164), `[ $x == y ]` in sh (SC3014), a pipe that hides a ' +
    'failure. ShellCheck finds them; this rule reports what it says about every RUN body and RUN heredoc, ' +
    'checked in the dialect of the SHELL in force (sh by default, bash, dash, ksh; other shells and ' +
    'PowerShell are skipped), with the ARG and ENV names of the Dockerfile declared, and at the positions ' +
    'in the Dockerfile. As in hadolint, SC1090, SC1091 and SC2187 are left out. ShellCheck runs when the ' +
    '`shellcheck` binary is on PATH (Debian/Ubuntu package `shellcheck`), in one process for many RUN ' +
    'bodies; `--no-shellcheck` or turning this rule off skips it. Its style notes are reported as info. ' +
    'An inline ignore may name the code: `# tightship ignore=SC2086 -- reason` or `# hadolint ignore=SC2086`.',
  remediation: 'Fix the script as ShellCheck says (each code has a page at https://www.shellcheck.net/wiki/SC2086), or ignore the one code on that RUN with a reason.',
  references: ['https://www.shellcheck.net/wiki/', 'https://github.com/koalaman/shellcheck'],
  equivalents: {},
  options: {
    defaults: { exclude: [] },
    schema: {
      type: 'object',
      properties: { exclude: { type: 'array', items: { type: 'string', pattern: '^SC\\d{4}$' }, uniqueItems: true } },
      additionalProperties: false,
    },
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN if [ "$(uname -m)" == "x86_64" ]; then echo amd64 > /etc/arch; fi\n',
    good: 'FROM debian:12-slim\nRUN if [ "$(uname -m)" = "x86_64" ]; then echo amd64 > /etc/arch; fi\n',
  },
  check(model, ctx) {
    const facts = model.shellcheck;
    if (!facts) return;
    if (facts.status === 'failed') {
      ctx.report({ message: `ShellCheck did not run: ${facts.message}`, severity: 'info', range: model.instructions[0]?.keywordRange ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } });
      return;
    }
    if (facts.status !== 'ok') return;
    const exclude = new Set([...ctx.options.exclude, ...HADOLINT_DEFAULT_EXCLUSIONS].map((c) => c.toUpperCase()));
    for (const f of facts.findings) {
      if (exclude.has(f.code)) continue;
      ctx.report({ code: f.code, message: `${f.code}: ${f.message}`, severity: SEVERITY[f.level] ?? 'warning', range: f.range });
    }
  },
});
