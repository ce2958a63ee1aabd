// The dockerfile/shellcheck rule with the real ShellCheck (skipped, with the reason, where the
// binary is absent), through the Dockerfile audit: the load step runs ShellCheck, the rule reports.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import { SHELLCHECK_MISSING } from '../../helpers/shellcheck.js';
import rule from '../../../src/rules/dockerfile/shellcheck.js';
import type { Finding } from '../../../src/engine/types.js';
import { allRules } from '../../../src/rules/index.js';
import { defaultConfig, type ResolvedConfig } from '../../../src/engine/config-types.js';
import { auditDockerfileText } from '../../../src/targets/dockerfile/audit.js';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { prefetchShellcheck, shellcheckFacts, shellcheckModels, shellcheckNotice } from '../../../src/targets/dockerfile/shellcheck.js';

const skip = SHELLCHECK_MISSING;

describe('dockerfile/shellcheck: the rule table', { skip }, () => {
  testRule(rule, {
    valid: [
      { code: 'FROM debian:12\nRUN echo "$HOME"\n' },
      { name: 'exec form is not a shell script', code: 'FROM debian:12\nRUN ["sh", "-c", "echo $HOME"]\n' },
      { name: 'bash syntax under SHELL bash', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -d /tmp ]] && echo ok\n' },
      { name: 'a PowerShell stage is not checked', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN echo $env:PATH\n' },
      { name: 'excluded code', code: 'FROM debian:12\nRUN echo $HOME\n', options: { exclude: ['SC2086'] } },
      { name: 'ignored by a hadolint pragma', code: 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $HOME\n' },
      { name: 'a build argument is declared', code: 'FROM debian:12\nARG TOKEN_FILE\nRUN test -f "$TOKEN_FILE"\n' },
    ],
    invalid: [
      { code: 'FROM debian:12\nRUN echo $HOME\n', errors: [{ line: 2, column: 10, endColumn: 15, severity: 'info', message: 'SC2086: Double quote' }] },
      { name: 'bash syntax under sh is an error of sh', code: 'FROM debian:12\nRUN [[ -d /tmp ]] && echo ok\n', errors: [{ line: 2, column: 5, message: 'SC3010' }] },
      { name: 'continued line and heredoc', code: 'FROM debian:12\nRUN echo ok && \\\n    cd /tmp\nRUN <<EOF\ncd /var\nEOF\n',
        errors: [{ line: 3, column: 5, severity: 'warning', message: 'SC2164' }, { line: 5, column: 1, message: 'SC2164' }] },
      { name: 'a tightship ignore of one code leaves the others', code: 'FROM debian:12\n# tightship ignore=SC2086 -- HOME has no spaces here\nRUN echo $HOME && cd /tmp\n',
        errors: [{ line: 3, column: 19, message: 'SC2164' }] },
    ],
  });
});

const audit = async (text: string, config: ResolvedConfig = defaultConfig(), extra: { shellcheck?: boolean } = {}) =>
  (await auditDockerfileText(text, '/w/Dockerfile', { cwd: '/w', config, rules: allRules, auditContext: false, today: '2026-01-01', ...extra })).result.findings;
const sc = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'dockerfile/shellcheck');

describe('dockerfile/shellcheck: in the audit', { skip }, () => {
  it('findings carry the SC code; an ignore naming the code is used, not reported as unknown', async () => {
    const fs = await audit('FROM debian:12\n# tightship ignore=SC2164 -- the folder exists\nRUN cd /tmp; echo $HOME\n');
    assert.deepEqual(sc(fs).map((f) => f.code), ['SC2086']);
    assert.deepEqual(fs.filter((f) => f.ruleId.startsWith('tightship/')).map((f) => f.ruleId), []);
  });
  it('an ignore of a code that does not occur is an unused ignore', async () => {
    const fs = await audit('FROM debian:12\n# tightship ignore=SC2046 -- not needed\nRUN echo "$HOME"\n');
    assert.deepEqual(fs.filter((f) => f.ruleId.startsWith('tightship/')).map((f) => f.ruleId), ['tightship/unused-ignore']);
  });
  it('turned off by config or by the run: ShellCheck is not run at all', async () => {
    const off = defaultConfig();
    off.rules['dockerfile/shellcheck'] = { severity: 'off' };
    assert.deepEqual(sc(await audit('FROM debian:12\nRUN echo $HOME\n', off)), []);
    assert.deepEqual(sc(await audit('FROM debian:12\nRUN echo $HOME\n', defaultConfig(), { shellcheck: false })), []);
    assert.equal(sc(await audit('FROM debian:12\nRUN echo $HOME\n')).length, 1);
  });
  it('one check over several Dockerfiles gives each the findings of its own scripts', async () => {
    const texts = ['FROM debian:12\nRUN echo $A\n', 'FROM debian:12\nRUN echo "$A"\n', 'FROM debian:12\nRUN cd /x\nRUN echo $B\n'];
    const models = texts.map((t) => parseDockerfile(t, { path: 'Dockerfile', buildArgs: {} }));
    const together = await shellcheckModels(models);
    for (const [i, m] of models.entries()) assert.deepEqual(together[i], await shellcheckFacts(m));
    const cache = new Map<string, unknown>();
    await prefetchShellcheck(models, cache);
    assert.deepEqual(cache.get(texts[2]), together[2]);
    assert.equal(shellcheckNotice(cache), null);
  });
});

describe('dockerfile/shellcheck: without the binary', () => {
  it('the facts say it is not installed, the rule reports nothing, the run keeps one notice', async () => {
    const model = parseDockerfile('FROM debian:12\nRUN echo $HOME\n', { path: 'Dockerfile', buildArgs: {} });
    const cache = new Map<string, unknown>();
    const facts = await shellcheckFacts(model, cache, { binary: '/nonexistent/shellcheck' });
    assert.equal(facts.status, 'not-installed');
    assert.match(shellcheckNotice(cache) ?? '', /ShellCheck is not installed .*--no-shellcheck/);
    model.shellcheck = facts;
    const found: unknown[] = [];
    rule.check(model, { path: 'Dockerfile', options: { exclude: [] }, report: (d) => found.push(d) });
    assert.deepEqual(found, []);
  });
});
