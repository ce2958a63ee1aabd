import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/port-all-interfaces',
  target: 'compose',
  title: 'Published ports are bound to a specific interface',
  severity: 'warning',
  level: 'hardened',
  rationale: '`"8080:80"` publishes on every interface of the host (0.0.0.0 and ::), and Docker\'s iptables rules bypass host firewalls such as ufw: a database meant for local use is reachable from the network. A bare container port (`"80"`) is published on a random port of every interface.',
  remediation: 'Bind to loopback (`"127.0.0.1:8080:80"`, or `host_ip: 127.0.0.1`) and put a reverse proxy in front, or to the one interface that should serve it; between services use the compose network instead of published ports.',
  references: ['CIS Docker Benchmark 5.13', 'https://docs.docker.com/engine/network/packet-filtering-firewalls/'],
  equivalents: { kics: ['Container Traffic Not Bound To Host Interface'], cis: ['5.13'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["8080:80"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'ports');
      for (const p of svc.ports) {
        if (!p.allInterfaces) continue;
        const shown = p.published ? `${p.published}->${p.target}` : `${p.target} (on a random host port)`;
        reportNode(ctx, p.node, itemPath(svc, 'ports', p.node, list), `service ${svc.name} publishes ${shown} on all host interfaces`);
      }
    }
  },
});
