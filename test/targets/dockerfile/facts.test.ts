// Facts derived from the model on first asking (facts.ts `once`), and the rule helpers built on it:
// each is computed once per model, stage, instruction or command list, and every rule that asks
// gets the same value.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { once } from '../../../src/targets/dockerfile/facts.js';
import { pipelines, runs } from '../../../src/rules/dockerfile/util/runs.js';
import { pkgRuns } from '../../../src/rules/dockerfile/util/packages.js';
import { chainInstructions } from '../../../src/rules/dockerfile/util/stages.js';
import { imageInputs } from '../../../src/rules/dockerfile/util/images.js';
import { finalLanguages } from '../../../src/rules/dockerfile/util/language.js';
import { keyValues } from '../../../src/rules/dockerfile/util/values.js';
import { copyWords } from '../../../src/rules/dockerfile/util/copy.js';
import { exposeEntries } from '../../../src/rules/dockerfile/util/expose.js';

const TEXT = [
  'FROM python:3.12-slim AS base',
  'ENV A=1 B="two words"',
  'RUN apt-get update && apt-get install -y curl | tee /log',
  'FROM base',
  'COPY --from=ghcr.io/acme/tools:1.0 /bin/t /usr/local/bin/',
  'EXPOSE 8080/tcp',
  'RUN echo a | xargs rm -f && curl -fsSL https://example.com/x | sh',
  'ONBUILD RUN make',
  'CMD ["gunicorn", "app:app"]',
  '',
].join('\n');

function model() {
  return parseDockerfile(TEXT, { path: 'Dockerfile' });
}

describe('once', () => {
  it('computes a fact on first asking and answers from it after', () => {
    const part = {};
    let calls = 0;
    const fact = () => ({ n: ++calls });
    const first = once(part, fact, fact);
    assert.equal(once(part, fact, fact), first);
    assert.equal(calls, 1);
    // another part, or another key on the same part, is another fact
    assert.notEqual(once({}, fact, fact), first);
    assert.deepEqual(once(part, 'other', fact), { n: 3 });
    assert.equal(calls, 3);
  });

  it('keeps a fact whose value is undefined or null (not computed again)', () => {
    const part = {};
    let calls = 0;
    const nothing = (): undefined => {
      calls++;
      return undefined;
    };
    assert.equal(once<unknown>(part, 'u', nothing), undefined);
    assert.equal(once<unknown>(part, 'u', nothing), undefined);
    assert.equal(once(part, 'n', () => { calls++; return null; }), null);
    assert.equal(once(part, 'n', () => { calls++; return null; }), null);
    assert.equal(calls, 2);
  });

  it('adds nothing to the part: the model stays the same plain data', () => {
    const m = model();
    const before = JSON.stringify(m);
    runs(m);
    finalLanguages(m);
    imageInputs(m);
    for (const s of m.stages) chainInstructions(m, s);
    assert.equal(JSON.stringify(m), before);
    assert.deepEqual(Object.keys(m), Object.keys(model()));
    assert.deepEqual(structuredClone(m), model());
  });
});

describe('facts the Dockerfile rules share', () => {
  it('runs: one list per model, the same commands, ONBUILD RUN included, xargs looked through', () => {
    const m = model();
    const all = runs(m);
    assert.equal(runs(m), all);
    assert.deepEqual(all.map((r) => r.instr.range.start.line), [3, 7, 8]);
    assert.deepEqual(all[1].cmds.map((c) => c.name), ['echo', 'rm', 'curl', 'sh']);
    assert.equal(all[1].cmds[1].via.at(-1), 'xargs');
    assert.ok(all[1].names.has('curl') && !all[1].names.has('xargs'));
    // a RUN without xargs shares the parser's own commands
    assert.equal(all[0].cmds, all[0].instr.commands);
    // another parse of the same text is another model with its own facts
    assert.notEqual(runs(model()), all);
    assert.deepEqual(runs(model()).map((r) => r.cmds.map((c) => c.argv)), all.map((r) => r.cmds.map((c) => c.argv)));
  });

  it('pipelines: one split per RUN, whichever rule asks', () => {
    const m = model();
    const [first] = runs(m);
    const p = pipelines(first.cmds);
    assert.equal(pipelines(first.cmds), p);
    assert.deepEqual(p.map((line) => line.map((c) => c.name)), [['apt-get'], ['apt-get', 'tee']]);
  });

  it('pkgRuns: one view per RUN of the package fact, whatever tools are asked for', () => {
    const m = model();
    const [apt] = pkgRuns(m, 'apt-get');
    assert.equal(pkgRuns(m)[0], apt);
    assert.equal(apt.locator, apt.locator);
    assert.deepEqual(pkgRuns(m, 'apk'), []);
  });

  it('chain instructions, image inputs, languages: computed once, same answers', () => {
    const m = model();
    const final = m.stages[1];
    const chain = chainInstructions(m, final);
    assert.equal(chainInstructions(m, final), chain);
    assert.deepEqual(chain.map((i) => i.keyword), ['ENV', 'RUN', 'COPY', 'EXPOSE', 'RUN', 'ONBUILD', 'CMD']);
    assert.equal(imageInputs(m), imageInputs(m));
    assert.deepEqual(imageInputs(m).map((i) => [i.via, i.resolved]), [['FROM', 'python:3.12-slim'], ['COPY --from', 'ghcr.io/acme/tools:1.0']]);
    assert.equal(finalLanguages(m), finalLanguages(m));
    assert.deepEqual(finalLanguages(m).map((l) => [l.language, l.why]), [['python', 'base image python:3.12-slim']]);
  });

  it('instruction facts: key=value pairs per form, COPY words, EXPOSE entries', () => {
    const m = model();
    const env = m.instructions[1];
    const pairs = keyValues(env, 'args', true);
    assert.equal(keyValues(env, 'args', true), pairs);
    assert.deepEqual(pairs.map((p) => [p.key, p.value, p.rawValue]), [['A', '1', '1'], ['B', 'two words', '"two words"']]);
    // the other form and the other reading are facts of their own
    assert.notEqual(keyValues(env, 'expanded', true), pairs);
    assert.notEqual(keyValues(env, 'args', false), pairs);
    const copy = m.instructions[4];
    assert.equal(copyWords(m, copy), copyWords(m, copy));
    assert.deepEqual(copyWords(m, copy).map((w) => w.value), ['/bin/t', '/usr/local/bin/']);
    const expose = m.instructions[5];
    assert.equal(exposeEntries(m, expose), exposeEntries(m, expose));
    assert.deepEqual(exposeEntries(m, expose).map((e) => e.port), [{ from: 8080, to: 8080, proto: 'tcp' }]);
  });
});
