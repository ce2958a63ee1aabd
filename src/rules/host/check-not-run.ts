import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/check-not-run',
  target: 'host',
  title: 'Every host check could run',
  severity: 'info',
  level: null,
  rationale: 'A check that could not run (no permission to read /proc or /etc/docker, the engine not reachable) proves nothing: the host is not shown as passing it. Run `tightship host` as root, or as a user who can read the files named, to check everything.',
  remediation: 'Run again with the permissions the message names, or on the host itself rather than in a container.',
  references: ['https://github.com/docker/docker-bench-security'],
  equivalents: {},
  examples: { bad: '{"engine": {"ok": false, "reason": "the engine did not answer"}}', good: '{}' },
  check(model, ctx) {
    const not = (what: string, reason: string, path: string) => { ctx.report({ message: `could not check ${what}: ${reason}`, location: { path } }); };
    if (!model.engine.ok) not('the engine (rootless, security options, cgroups, storage driver, version)', model.engine.reason, 'engine');
    for (const s of model.sockets) if (!s.stat.ok && !('absent' in s.stat)) not(`the ${s.role} socket's owner and mode`, s.stat.reason, s.path);
    if (!model.socketGroup.ok) not('who may use the Docker socket', model.socketGroup.reason, '/etc/group');
    if (!model.tlsFiles.ok) not('the TLS certificate and key files', model.tlsFiles.reason, '/etc/docker');
    if (!model.commandLine.ok) not('dockerd\'s command-line flags', model.commandLine.reason, 'dockerd');
    if (model.daemonConfig.state === 'unreadable') not('the daemon configuration', model.daemonConfig.reason ?? 'unreadable', model.daemonConfig.path);
  },
});
