import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';
import { commandRange } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { callOf, type PackageCall, pkgRuns } from './util/packages.js';

/** rm of Yarn's cache folder (Yarn 1 /usr/local/share/.cache/yarn or ~/.cache/yarn, Yarn 2+ ~/.yarn/berry/cache). */
function removesYarnCache(cmd: ShellCommand): boolean {
  return cmd.name === 'rm' && cmd.argv.slice(1).some((a) => /(^|\/)\.cache\/yarn(\/|\*|$)|\/\.yarn\/berry\/cache(\/|\*|$)|(^|\/)\.yarn-cache(\/|\*|$)/.test(a));
}

export default defineRule({
  id: 'dockerfile/yarn-cache-not-cleaned',
  target: 'dockerfile',
  title: 'yarn install leaves its cache in the image',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Yarn keeps a copy of every package it downloads in its global cache (/usr/local/share/.cache/yarn for root with ' +
    'Yarn 1, ~/.yarn/berry/cache with Yarn 2+), often as large as node_modules itself. Unless it is emptied in the ' +
    'same RUN it is frozen into the layer; a later `yarn cache clean` hides it but does not make the image smaller. ' +
    'Only stages that end up in the final image are checked.',
  remediation:
    'End the RUN with `&& yarn cache clean`, or keep the cache out of the image with ' +
    '`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile`.',
  references: ['https://classic.yarnpkg.com/en/docs/cli/cache', 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts'],
  equivalents: { hadolint: ['DL3060'] },
  examples: {
    bad: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
    good: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
  },
  check(model, context) {
    const chain = finalChain(model);
    for (const run of pkgRuns(model, 'yarn')) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      let last: PackageCall | null = null;
      let cleanedAt = -1;
      run.cmds.forEach((cmd, i) => {
        const call = callOf(run, cmd);
        if (call?.tool === 'yarn' && call.verb === 'install' && !call.cacheMounted) last = call;
        if ((call?.tool === 'yarn' && call.verb === 'clean') || removesYarnCache(cmd)) cleanedAt = i;
      });
      const call = last as PackageCall | null;
      if (!call || cleanedAt > call.position) continue;
      const words = run.locator.locate(call.cmd, Math.max(call.subIndex, 0));
      context.report({
        range: commandRange(model, run, call.cmd, words ? words.slice(0, Math.max(call.subIndex, 0) + 1) : null),
        message: `\`yarn${call.sub ? ' ' + call.sub : ''}${call.sub === 'global' ? ' ' + (call.operands[0]?.value ?? '') : ''}\` leaves its package cache in the layer: add \`&& yarn cache clean\` to the same RUN`,
      });
    }
  },
});
