import { defineRule, type Fix } from '../../engine/types.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';
import { commandRange, insertAfter } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { callOf, hasOpt, pkgRuns, runHasCacheMount } from './util/packages.js';

function removesApkCache(cmd: ShellCommand): boolean {
  return cmd.name === 'rm' && cmd.argv.slice(1).some((a) => /^\/var\/cache\/apk(\/\*?)?$/.test(a) || /^\/var\/cache\/apk\/\S+$/.test(a));
}

export default defineRule({
  id: 'dockerfile/apk-no-cache',
  target: 'dockerfile',
  title: 'apk add without --no-cache, or apk update leaving its index',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Without `--no-cache`, `apk add` (and the `apk update` that usually precedes it) leaves the package index in ' +
    '/var/cache/apk, frozen into the layer: megabytes of dead weight and a stale index for anyone who derives from ' +
    'the image. `--no-cache` fetches the index into memory and keeps nothing. Only stages that end up in the final ' +
    'image are checked.',
  remediation:
    'Use `apk add --no-cache pkg…` (no `apk update` needed), or remove the cache in the same RUN ' +
    '(`&& rm -rf /var/cache/apk/*`), or use `RUN --mount=type=cache,target=/var/cache/apk`.',
  references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache', 'https://docs.docker.com/build/building/best-practices/'],
  equivalents: {
    hadolint: ['DL3019'],
    trivy: ['DS-0025'],
    kics: ['Apk Add Using Local Cache Path'],
    dockle: ['DKL-DI-0004'],
  },
  fixable: 'safe',
  examples: {
    bad: 'FROM alpine:3.20\nRUN apk update && apk add curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
  },
  check(model, context) {
    const chain = finalChain(model);
    for (const run of pkgRuns(model, 'apk')) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      if (runHasCacheMount(run, ['/var/cache/apk', '/etc/apk/cache'])) continue;
      run.cmds.forEach((cmd, i) => {
        const call = callOf(run, cmd);
        if (!call || call.tool !== 'apk') return;
        if (run.cmds.slice(i + 1).some(removesApkCache)) return;
        if (call.sub === 'update') {
          // the index it fetches stays in /var/cache/apk; `apk add --no-cache` needs no update at all
          const words = run.locator.locate(cmd, call.subIndex);
          const next = run.cmds.at(i + 1);
          const nextCall = next ? callOf(run, next) : null;
          let fix: Fix | undefined;
          if (words && next && cmd.next === '&&' && cmd.argv.length === 2 && nextCall?.tool === 'apk' && nextCall.sub === 'add') {
            const nextWords = run.locator.locate(next, nextCall.subIndex);
            const between = nextWords ? model.text.slice(words[1].end, nextWords[0].start) : '';
            if (nextWords && /^[ \t]*&&[ \t]*(\\\r?\n[ \t]*)?$/.test(between)) {
              fix = { description: 'Drop apk update (apk add --no-cache fetches the index itself)', safe: true, edits: [{ start: words[0].start, end: nextWords[0].start, text: '' }] };
            }
          }
          context.report({
            range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
            message: '`apk update` leaves the package index in /var/cache/apk: drop it and use `apk add --no-cache`',
            ...(fix ? { fix } : {}),
          });
          return;
        }
        if (call.sub !== 'add') return;
        if (hasOpt(call, 'no-cache', 'no-network')) return; // --no-network fetches no index
        const words = run.locator.locate(cmd, call.subIndex);
        const sub = words?.[call.subIndex];
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: '`apk add` without --no-cache leaves the package index in /var/cache/apk',
          ...(sub ? { fix: { description: 'Add --no-cache', safe: true, edits: [insertAfter(sub, ' --no-cache')] } } : {}),
        });
      });
    }
  },
});
