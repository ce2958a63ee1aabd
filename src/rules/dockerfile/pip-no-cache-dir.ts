import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../targets/dockerfile/model.js';
import { commandRange, insertAfter, mounts, runs } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { hasOpt, pkgCall } from './util/packages.js';

/** For each RUN in a stage: whether an ENV or ARG in force before it (in its stage chain) sets
 *  PIP_NO_CACHE_DIR. One forward pass: a base stage always comes earlier in the file. */
function cacheDisabledAt(model: DockerfileModel): Map<Instruction, boolean> {
  const out = new Map<Instruction, boolean>();
  const atEnd: boolean[] = [];
  for (const stage of model.stages) {
    let disabled = stage.baseStage !== null && atEnd[stage.baseStage] === true;
    for (const instr of stage.instructions) {
      if (instr.keyword === 'RUN') out.set(instr, disabled);
      else if ((instr.keyword === 'ENV' || instr.keyword === 'ARG') && /(^|\s)PIP_NO_CACHE_DIR[= ]\s*\S/.test(instr.args)) disabled = true;
    }
    atEnd[stage.index] = disabled;
  }
  return out;
}

export default defineRule({
  id: 'dockerfile/pip-no-cache-dir',
  target: 'dockerfile',
  title: 'pip install without --no-cache-dir',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'pip keeps every wheel it downloads or builds in ~/.cache/pip. In an image that cache is never used again but ' +
    'is frozen into the layer — often tens or hundreds of megabytes. Only stages that end up in the final image ' +
    'are checked.',
  remediation:
    'Use `pip install --no-cache-dir …`, set `ENV PIP_NO_CACHE_DIR=1` before the installs, or keep the cache out of ' +
    'the image with `RUN --mount=type=cache,target=/root/.cache/pip pip install …`.',
  references: ['https://pip.pypa.io/en/stable/topics/caching/', 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts'],
  equivalents: {
    hadolint: ['DL3042'],
    kics: ['Pip install Keeping Cached Packages'],
  },
  fixable: 'safe',
  examples: {
    bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
    good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
  },
  check(model, context) {
    const chain = finalChain(model);
    const disabled = cacheDisabledAt(model);
    for (const run of runs(model)) {
      if (!([...run.names].some((n) => n.startsWith('pip') || n.startsWith('python')))) continue;
      if (!run.stage || !chain.has(run.stage.index)) continue;
      if (!run.cmds.some((c) => pkgCall(c)?.manager === 'pip')) continue;
      if (mounts(run.instr).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /(^|\/)\.cache(\/pip)?$|\/pip$/.test(m.target))) continue;
      if (disabled.get(run.instr) === true) continue;
      let exported = false;
      for (const cmd of run.cmds) {
        if ((cmd.name === 'export' || cmd.name === '') && [...cmd.argv.slice(1), ...cmd.assignments].some((a) => a.startsWith('PIP_NO_CACHE_DIR='))) exported = true;
        const call = pkgCall(cmd);
        if (!call || call.manager !== 'pip' || call.sub !== 'install') continue;
        if (exported || hasOpt(call, 'no-cache-dir') || cmd.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR='))) continue;
        const words = run.locator.locate(cmd, call.subIndex);
        const sub = words?.[call.subIndex];
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: '`pip install` without --no-cache-dir leaves its download cache in the layer',
          ...(sub ? { fix: { description: 'Add --no-cache-dir', safe: true, edits: [insertAfter(sub, ' --no-cache-dir')] } } : {}),
        });
      }
    }
  },
});
