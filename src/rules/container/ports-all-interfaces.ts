// A port is published on every host interface.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/ports-all-interfaces',
  target: 'container',
  title: 'Published ports are bound to a specific host address',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A port published without an address listens on every interface of the host, and Docker\'s iptables rules bypass host firewalls such as ufw: a service meant for a reverse proxy on the same host becomes reachable from the network.',
  remediation: 'Publish on loopback: `-p 127.0.0.1:8000:8000` (compose: `"127.0.0.1:8000:8000"`).',
  references: ['CIS Docker 5.13'],
  equivalents: { cis: ['5.13'], kics: ['Container Traffic Not Bound To Host Interface'] },
  examples: { bad: '{"hostConfig":{"ports":[{"containerPort":"8000/tcp","hostIp":"0.0.0.0","hostPort":"8000"}]}}', good: '{"hostConfig":{"ports":[{"containerPort":"8000/tcp","hostIp":"127.0.0.1","hostPort":"8000"}]}}' },
  check(model, ctx) {
    for (const p of model.hostConfig.ports) {
      if (p.hostIp === '' || p.hostIp === '0.0.0.0' || p.hostIp === '::') {
        ctx.report({ message: `${p.containerPort} is published on every interface (${p.hostIp || 'no address'}:${p.hostPort})`, location: { field: `NetworkSettings.Ports.${p.containerPort}` } });
      }
    }
  },
});
