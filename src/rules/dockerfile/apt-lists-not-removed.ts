import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';
import { commandRange } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { APT_INSTALL_SUBS, callOf, type PackageCall, pkgRuns, runHasCacheMount } from './util/packages.js';

const aptFamily = (call: PackageCall | null): call is PackageCall => call !== null && (call.tool === 'apt-get' || call.tool === 'apt' || call.tool === 'aptitude');

/** rm of /var/lib/apt/lists (or all of /var/lib/apt), in any of the usual spellings, or `apt-get dist-clean`
 *  (`call` is the command's package call, when it is one). */
export function removesAptLists(cmd: ShellCommand, call: PackageCall | null): boolean {
  if (call) return (call.tool === 'apt-get' || call.tool === 'apt') && call.sub === 'dist-clean'; // apt >= 2.7 also drops the lists
  if (cmd.name !== 'rm') return false;
  return cmd.argv.slice(1).some((a) => /^\/var\/lib\/apt(\/lists)?\/?(\*)?$/.test(a) || /^\/var\/lib\/apt\/lists\/\S*$/.test(a)
    || /^\/var\/lib\/\{[^}]*\bapt\b[^}]*\}/.test(a));
}

export default defineRule({
  id: 'dockerfile/apt-lists-not-removed',
  target: 'dockerfile',
  title: 'apt lists left in the image',
  severity: 'warning',
  level: 'hardened',
  rationale:
    '`apt-get update` downloads the package lists to /var/lib/apt/lists (tens of megabytes). Unless they are ' +
    'deleted in the same RUN they are frozen into that layer: a later `rm` hides them but does not make the image ' +
    'smaller. Stale lists also let a later `apt-get install` in a derived image run without an update, from an ' +
    'outdated index. Only stages that end up in the final image are checked.',
  remediation:
    'End the RUN that runs `apt-get update` with `&& rm -rf /var/lib/apt/lists/*` (or `apt-get dist-clean` on apt 2.7+), or keep the lists out of the ' +
    'image with `RUN --mount=type=cache,target=/var/lib/apt/lists …`.',
  references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts'],
  equivalents: {
    hadolint: ['DL3009'],
    kics: ['Apt Get Install Lists Were Not Deleted'],
    dockle: ['DKL-DI-0005'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(model, context) {
    const chain = finalChain(model);
    for (const run of pkgRuns(model, 'apt-get', 'apt', 'aptitude')) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      if (runHasCacheMount(run, ['/var/lib/apt/lists'])) continue;
      let lastUpdate = -1;
      let lastInstall = -1;
      let removedAt = -1;
      run.cmds.forEach((cmd, i) => {
        const call = callOf(run, cmd);
        if (aptFamily(call) && call.sub === 'update') lastUpdate = i;
        if (aptFamily(call) && call.sub && (APT_INSTALL_SUBS.has(call.sub) || call.sub.endsWith('upgrade'))) lastInstall = i;
        if (removesAptLists(cmd, call)) removedAt = i;
      });
      if (lastUpdate === -1 || removedAt > Math.max(lastUpdate, lastInstall)) continue;
      const at = lastInstall > lastUpdate ? lastInstall : lastUpdate;
      const cmd = run.cmds[at];
      const call = callOf(run, cmd);
      if (!call) continue;
      const words = run.locator.locate(cmd, call.subIndex);
      context.report({
        range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
        message: 'the apt lists from `apt-get update` stay in this layer: add `&& rm -rf /var/lib/apt/lists/*` to the same RUN',
      });
    }
  },
});
