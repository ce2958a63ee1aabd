import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/daemon-config-permissions',
  target: 'host',
  title: 'daemon.json is owned by root and writable by root only',
  severity: 'error',
  level: 'nonroot',
  rationale: 'daemon.json decides how the root engine runs (its listeners, its seccomp profile, its registries): a user who can write it gets root at the next engine restart.',
  remediation: '`chown root:root /etc/docker/daemon.json && chmod 644 /etc/docker/daemon.json`.',
  references: ['CIS Docker Benchmark 3.17', 'CIS Docker Benchmark 3.18'],
  equivalents: { cis: ['3.17', '3.18'], dockerBench: ['check_3_17', 'check_3_18'] },
  examples: {
    bad: '{"daemonConfig": {"path": "/etc/docker/daemon.json", "state": "read", "stat": {"path": "/etc/docker/daemon.json", "uid": 1000, "gid": 1000, "owner": "alice", "group": "alice", "mode": 438}}}',
    good: '{"daemonConfig": {"path": "/etc/docker/daemon.json", "state": "read", "stat": {"path": "/etc/docker/daemon.json", "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420}}}',
  },
  check(model, ctx) {
    const f = model.daemonConfig.stat;
    if (!f) return;
    const problems: string[] = [];
    if (f.mode & 0o022) problems.push(`mode ${(f.mode & 0o777).toString(8)} lets ${f.mode & 0o002 ? 'every user' : `group ${f.group}`} change it`);
    if (f.uid !== 0) problems.push(`owned by ${f.owner}, not root`);
    if (problems.length) ctx.report({ message: `${model.daemonConfig.path}: ${problems.join('; ')}: its writer controls the root engine`, location: { path: model.daemonConfig.path } });
  },
});
