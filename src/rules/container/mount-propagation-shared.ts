// A bind mount propagates mounts back to the host.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/mount-propagation-shared',
  target: 'container',
  title: 'No mount is shared with the host (shared or rshared propagation)',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'With shared (or rshared) propagation, a mount made inside the container under that bind mount appears on the ' +
    'host, and the host\'s mounts appear in the container: a process that may mount (CAP_SYS_ADMIN, a privileged ' +
    'container) can then change the host\'s file system view. The default, private, keeps the two apart.',
  remediation: 'Drop the `:shared` / `:rshared` option (or `bind-propagation=shared`); use the default private propagation.',
  references: ['CIS Docker 5.19 (Ensure mount propagation mode is not set to shared)'],
  equivalents: { cis: ['5.19'], dockerBench: ['check_5_19'] },
  examples: {
    bad: '{"hostConfig":{"mounts":[{"type":"bind","source":"/srv/data","destination":"/data","readOnly":false,"propagation":"rshared"}]}}',
    good: '{"hostConfig":{"mounts":[{"type":"bind","source":"/srv/data","destination":"/data","readOnly":false,"propagation":"rprivate"}]}}',
  },
  check(model, ctx) {
    for (const m of model.hostConfig.mounts) {
      if (m.propagation !== 'shared' && m.propagation !== 'rshared') continue;
      ctx.report({ message: `the mount ${m.source}→${m.destination} has ${m.propagation} propagation: mounts cross between the container and the host`, location: { field: 'Mounts', imagePath: m.destination } });
    }
  },
});
