import { defineRule } from '../../engine/types.js';
import { commandRange } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { callOf, cleansRpmCache, type PackageCall, pkgRuns, RPM_CACHE_DIRS, rpmCaches, rpmFamily, runHasCacheMount } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/rpm-cache-not-cleaned',
  target: 'dockerfile',
  title: 'yum, dnf, microdnf or zypper cache left in the image',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'yum, dnf and microdnf keep repository metadata (and with keepcache, packages) in /var/cache/yum or ' +
    '/var/cache/dnf; zypper keeps them in /var/cache/zypp. Unless the cache is cleaned in the same RUN it is frozen ' +
    'into the layer: tens to hundreds of megabytes, and stale metadata for derived images. Only stages that end up ' +
    'in the final image are checked.',
  remediation:
    'End the RUN with `&& dnf clean all` (`yum clean all`, `microdnf clean all`, `zypper clean --all`), or use ' +
    '`RUN --mount=type=cache,target=/var/cache/dnf`.',
  references: ['https://docs.docker.com/build/building/best-practices/#run', 'dnf(8) clean'],
  equivalents: {
    hadolint: ['DL3032', 'DL3036', 'DL3040'],
    trivy: ['DS-0015', 'DS-0019', 'DS-0020', 'DS-0027'],
    kics: ['Yum Clean All Missing', 'Missing Dnf Clean All', 'Missing Zypper Clean'],
  },
  examples: {
    bad: 'FROM rockylinux:9\nRUN dnf install -y httpd\n',
    good: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all\n',
  },
  check(model, context) {
    const chain = finalChain(model);
    for (const run of pkgRuns(model, 'yum', 'dnf', 'microdnf', 'zypper')) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      for (const family of ['yum', 'zypper'] as const) {
        if (runHasCacheMount(run, RPM_CACHE_DIRS[family])) continue;
        let last: PackageCall | null = null;
        let cleanedAt = -1;
        run.cmds.forEach((cmd, i) => {
          const call = callOf(run, cmd);
          if (call && rpmCaches(call) && rpmFamily(call) === family) last = call;
          if (cleansRpmCache(cmd, call, family)) cleanedAt = i;
        });
        const call = last as PackageCall | null;
        if (!call || cleanedAt > call.position) continue;
        const words = run.locator.locate(call.cmd, call.subIndex);
        const clean = family === 'zypper' ? 'zypper clean --all' : `${call.tool} clean all`;
        context.report({
          range: commandRange(model, run, call.cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: `\`${call.cmd.name} ${call.sub}\` leaves its cache in the layer: add \`&& ${clean}\` to the same RUN`,
        });
      }
    }
  },
});
