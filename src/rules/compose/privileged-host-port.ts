import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/privileged-host-port',
  target: 'compose',
  title: 'Published host ports are above 1024',
  severity: 'info',
  level: null,
  rationale: 'Host ports below 1024 are reserved for system services (22 ssh, 25 smtp, 53 dns…). Publishing an application there can clash with or impersonate a host service, and it is often the sign of a container that was meant to sit behind a proxy.',
  remediation: 'Publish on a port above 1024 and let a reverse proxy (or the load balancer) own 80 and 443.',
  references: ['CIS Docker Benchmark 5.7'],
  equivalents: { kics: ['Privileged Ports Mapped In Container'], cis: ['5.7'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["127.0.0.1:80:80"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'ports');
      for (const p of svc.ports) {
        if (!p.published) continue;
        const low = Number(p.published.split('-')[0]);
        if (Number.isInteger(low) && low > 0 && low < 1024) reportNode(ctx, p.node, itemPath(svc, 'ports', p.node, list), `service ${svc.name} publishes the privileged host port ${p.published}`);
      }
    }
  },
});
