// Generated inputs large enough that work growing faster than the input (a stage chain walked
// per stage, per RUN, or rebuilt by unshift) would never finish within the suite.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRules } from '../../../src/engine/run.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import { dockerfileRules } from '../../../src/rules/dockerfile/index.js';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { finalChain, stageChain } from '../../../src/targets/dockerfile/facts.js';

const lint = (text: string) => {
  const model = parseDockerfile(text, { path: 'Dockerfile' });
  const findings = runRules('dockerfile', model, 'Dockerfile', { config: defaultConfig(), rules: dockerfileRules });
  const count = new Map<string, number>();
  for (const f of findings) count.set(f.ruleId, (count.get(f.ruleId) ?? 0) + 1);
  return { model, findings, count };
};

describe('FROM <stage> chains stay linear', () => {
  const N = 8_000;
  it(`${N} chained stages, each with a relative WORKDIR and a pip/npm install`, () => {
    let text = 'FROM alpine:3.19 AS s0\n';
    for (let i = 1; i < N; i++) text += `FROM s${i - 1} AS s${i}\nWORKDIR w${i}\nRUN pip install x && npm install\n`;
    text += 'CMD node server.js\n';
    const { model, findings, count } = lint(text);
    assert.equal(model.stages.length, N);
    assert.ok(model.final);
    assert.equal(model.final.chain.length, N);
    assert.equal(finalChain(model).size, N);
    assert.equal(stageChain(model, model.stages[N - 1])[0], model.stages[0]);
    assert.ok(!findings.some((f) => f.message.startsWith('internal error')));
    // no absolute WORKDIR anywhere in the chain: every relative one is reported
    assert.equal(count.get('dockerfile/workdir-relative'), N - 1);
    assert.equal(count.get('dockerfile/pip-no-cache-dir'), N - 1);
    assert.equal(count.get('dockerfile/npm-install-instead-of-ci'), N - 1);
    assert.equal(count.get('dockerfile/shell-form-cmd'), 1);
  });
  it(`${N} chained stages under an absolute WORKDIR, PIP_NO_CACHE_DIR and a copied lockfile`, () => {
    let text = 'FROM alpine:3.19 AS s0\nWORKDIR /app\nENV PIP_NO_CACHE_DIR=1\nCOPY package-lock.json ./\nENTRYPOINT ["node"]\n';
    for (let i = 1; i < N; i++) text += `FROM s${i - 1} AS s${i}\nWORKDIR w${i}\nRUN pip install x==1 && npm install\n`;
    const { count } = lint(text);
    // all inherited from the root stage, 8,000 stages down
    assert.equal(count.get('dockerfile/workdir-relative'), undefined);
    assert.equal(count.get('dockerfile/pip-no-cache-dir'), undefined);
    assert.equal(count.get('dockerfile/npm-install-instead-of-ci'), N - 1);
  });
  it(`${N} stages all built FROM the first one`, () => {
    let text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\n';
    for (let i = 1; i < N; i++) text += `FROM base AS s${i}\nRUN echo ${i}\n`;
    const { model } = lint(text);
    assert.ok(model.stages.every((s) => s.root === 0 && s.windows && s.baseStage === (s.index === 0 ? null : 0)));
    assert.deepEqual(model.stages[N - 1].instructions[0].shell, ['cmd', '/S', '/C']);
  });
});
