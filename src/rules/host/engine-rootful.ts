import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/engine-rootful',
  target: 'host',
  title: 'The engine runs rootless or remaps container users',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A root engine without user-namespace remapping runs container root as host root: any container escape is a host compromise. Rootless mode runs the whole engine as an ordinary user; userns-remap maps container uids to unprivileged ones.',
  remediation: 'Run the engine rootless (`dockerd-rootless-setuptool.sh install`), or set `"userns-remap": "default"` in daemon.json.',
  references: ['https://docs.docker.com/engine/security/rootless/', 'https://docs.docker.com/engine/security/userns-remap/', 'CIS Docker Benchmark 2.1'],
  equivalents: { cis: ['2.1', '2.9'], dockerBench: ['check_2_1', 'check_2_9'] },
  examples: { bad: '{"engine": {"ok": true, "value": {"rootless": false, "securityOptions": ["apparmor", "seccomp"]}}}', good: '{"engine": {"ok": true, "value": {"rootless": true, "securityOptions": ["seccomp", "rootless"]}}}' },
  check(model, ctx) {
    if (!model.engine.ok) return;
    const e = model.engine.value;
    if (e.rootless || e.securityOptions.includes('userns')) return;
    ctx.report({ message: `the engine (${e.serverVersion}) runs as root without user-namespace remapping: root in a container is root on this host`, location: { path: 'engine', field: 'Info.SecurityOptions' } });
  },
});
