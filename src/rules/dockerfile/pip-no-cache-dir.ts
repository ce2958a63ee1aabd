import { defineRule } from '../../engine/types.js';
import { envValue, truthy } from '../../targets/dockerfile/packages.js';
import { commandRange, insertAfter } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { hasOpt, pkgRuns } from './util/packages.js';

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
    'Use `pip install --no-cache-dir …`, set `ENV PIP_NO_CACHE_DIR=1` before the installs (a false value — 0, off, no, false — keeps the cache), or keep the cache out of ' +
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
    for (const run of pkgRuns(model, 'pip')) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      for (const call of run.calls) {
        if (call.tool !== 'pip' || call.sub !== 'install' || call.cacheMounted) continue;
        // PIP_NO_CACHE_DIR from ENV, ARG, `export` or the command's own assignment: only a true value
        // (1/true/yes/on) turns the cache off; 0/off/no/false leave it on
        if (hasOpt(call, 'no-cache-dir') || truthy(envValue(call.env, 'PIP_NO_CACHE_DIR'))) continue;
        const cmd = call.cmd;
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
