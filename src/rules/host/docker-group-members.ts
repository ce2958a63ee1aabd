import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/docker-group-members',
  target: 'host',
  title: 'Only trusted users may use the Docker socket (its group\'s members are named)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Every member of the group that owns the Docker socket can start a privileged container that mounts `/`: each is root-equivalent on this host, whatever sudo says. The list should be short and known.',
  remediation: 'Remove users who do not need the engine (`gpasswd -d USER docker`); give the others rootless Docker, or access through an authorization plugin.',
  references: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface', 'CIS Docker Benchmark 1.1.2'],
  equivalents: { cis: ['1.1.2'], dockerBench: ['check_1_1_2'] },
  examples: {
    bad: '{"socketGroup": {"ok": true, "value": {"name": "docker", "gid": 105, "members": ["alice", "ci"], "line": 40, "file": "/etc/group"}}}',
    good: '{"socketGroup": {"ok": true, "value": {"name": "docker", "gid": 105, "members": [], "line": 40, "file": "/etc/group"}}}',
  },
  check(model, ctx) {
    if (!model.socketGroup.ok) return;
    const g = model.socketGroup.value;
    if (g.name === 'root' || g.members.length === 0) return;
    ctx.report({
      message: `${g.members.length} user(s) in group ${g.name}, which owns the Docker socket, are root-equivalent on this host: ${g.members.join(', ')}`,
      location: { path: g.file, startLine: g.line, startColumn: 1, endLine: g.line, endColumn: 1 },
    });
  },
});
