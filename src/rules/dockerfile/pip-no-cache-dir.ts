import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../targets/dockerfile/model.js';
import { stageChain } from '../../targets/dockerfile/parse.js';
import { sourceIndex } from './util/b-source.js';
import { commandRange, finalChain, insertAfter, mounts, runs } from './util/b-run.js';
import { hasOpt, pkgCall } from './util/b-pkg.js';

/** PIP_NO_CACHE_DIR set by an ENV or ARG in force at the RUN. */
function envDisablesCache(model: DockerfileModel, run: Instruction): boolean {
  const stage = model.stages[run.stageIndex];
  if (!stage) return false;
  for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (s === stage && instr.range.start.offset >= run.range.start.offset) break;
      if ((instr.keyword === 'ENV' || instr.keyword === 'ARG') && /(^|\s)PIP_NO_CACHE_DIR[= ]\s*\S/.test(instr.args)) return true;
    }
  }
  return false;
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
    const src = sourceIndex(model);
    const chain = finalChain(model);
    for (const run of runs(model, src)) {
      if (!([...run.names].some((n) => n.startsWith('pip') || n.startsWith('python')))) continue;
      if (!run.stage || !chain.has(run.stage.index)) continue;
      if (!run.cmds.some((c) => pkgCall(c)?.manager === 'pip')) continue;
      if (mounts(run.instr).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /(^|\/)\.cache(\/pip)?$|\/pip$/.test(m.target))) continue;
      if (envDisablesCache(model, run.instr)) continue;
      let exported = false;
      for (const cmd of run.cmds) {
        if ((cmd.name === 'export' || cmd.name === '') && [...cmd.argv.slice(1), ...cmd.assignments].some((a) => a.startsWith('PIP_NO_CACHE_DIR='))) exported = true;
        const call = pkgCall(cmd);
        if (!call || call.manager !== 'pip' || call.sub !== 'install') continue;
        if (exported || hasOpt(call, 'no-cache-dir') || cmd.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR='))) continue;
        const words = run.locator.locate(cmd, call.subIndex);
        const sub = words?.[call.subIndex];
        context.report({
          range: commandRange(src, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: '`pip install` without --no-cache-dir leaves its download cache in the layer',
          ...(sub ? { fix: { description: 'Add --no-cache-dir', safe: true, edits: [insertAfter(sub, ' --no-cache-dir')] } } : {}),
        });
      }
    }
  },
});
