import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/socket-permissions',
  target: 'host',
  title: 'The Docker and containerd sockets are owned by root and not open to everyone',
  severity: 'error',
  level: 'nonroot',
  rationale: 'Whoever can write to the Docker socket (or containerd\'s) controls the engine, which is root on the host. The socket should be owned by root, group `docker` (root for containerd), mode 660 or stricter: a world-writable socket makes every local user and every process root-equivalent.',
  remediation: '`chown root:docker /var/run/docker.sock && chmod 660 /var/run/docker.sock` (set `SocketMode=0660` in docker.socket so it survives a restart); containerd\'s socket `root:root 660`.',
  references: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface', 'CIS Docker Benchmark 3.15', 'CIS Docker Benchmark 3.16'],
  equivalents: { cis: ['3.15', '3.16', '3.23', '3.24'], dockerBench: ['check_3_15', 'check_3_16', 'check_3_23', 'check_3_24'] },
  examples: {
    bad: '{"sockets": [{"path": "/var/run/docker.sock", "role": "docker", "stat": {"ok": true, "value": {"path": "/var/run/docker.sock", "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 438}}}]}',
    good: '{"sockets": [{"path": "/var/run/docker.sock", "role": "docker", "stat": {"ok": true, "value": {"path": "/var/run/docker.sock", "uid": 0, "gid": 105, "owner": "root", "group": "docker", "mode": 432}}}]}',
  },
  check(model, ctx) {
    for (const s of model.sockets) {
      if (!s.stat.ok) continue;
      const f = s.stat.value;
      const problems: string[] = [];
      if (f.mode & 0o006) problems.push(`mode ${(f.mode & 0o777).toString(8)} lets every local user ${f.mode & 0o002 ? 'write to' : 'read'} it`);
      if (f.uid !== 0) problems.push(`it is owned by ${f.owner}, not root`);
      const groups = s.role === 'docker' ? ['docker', 'root'] : ['root'];
      if (!groups.includes(f.group) && f.mode & 0o060) problems.push(`group ${f.group} may use it (expected ${groups.join(' or ')})`);
      if (problems.length) ctx.report({ message: `${s.role} socket ${f.path}: ${problems.join('; ')}; whoever can use it is root on this host`, location: { path: f.path } });
    }
  },
});
