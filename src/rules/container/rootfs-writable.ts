// The root filesystem is writable.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';

export default defineRule({
  id: 'container/rootfs-writable',
  target: 'container',
  title: 'The root filesystem is read-only',
  severity: 'warning',
  level: 'hardened',
  rationale: 'With a read-only root filesystem an attacker cannot drop tools, rewrite the application or persist anything in the container; writable scratch space comes from a tmpfs. Measured by creating and removing a uniquely named file in /, and from HostConfig.ReadonlyRootfs.',
  remediation: 'Run with `--read-only --tmpfs /tmp` (compose: `read_only: true` and `tmpfs: [/tmp]`).',
  references: ['CIS Docker 5.12', 'https://docs.docker.com/reference/cli/docker/container/run/#read-only'],
  equivalents: { cis: ['5.12'], kics: ['Container Root File System Is Not Read-Only'] },
  examples: { bad: '{"hostConfig":{"readonlyRootfs":false},"rootfsWritable":{"ok":true,"method":"sh","value":true}}', good: '{"hostConfig":{"readonlyRootfs":true},"rootfsWritable":{"ok":true,"method":"sh","value":false}}' },
  check(model, ctx) {
    if (model.rootfsWritable.ok && model.rootfsWritable.value) {
      ctx.report({ message: 'the container\'s user can create files in / (the root filesystem is writable)', location: { field: 'HostConfig.ReadonlyRootfs' } });
      return;
    }
    if (!model.hostConfig.readonlyRootfs) {
      ctx.report({ message: 'HostConfig.ReadonlyRootfs is false: the root filesystem is mounted writable', location: { field: 'HostConfig.ReadonlyRootfs' } });
      return;
    }
    unverified(model.rootfsWritable, 'whether the root filesystem is writable', (d) => { ctx.report(d); });
  },
});
