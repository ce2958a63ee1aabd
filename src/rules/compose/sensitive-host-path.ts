import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';
import { hostPathDanger } from '../posture.js';

export default defineRule({
  id: 'compose/sensitive-host-path',
  target: 'compose',
  title: 'Services do not mount sensitive host paths',
  severity: 'error',
  level: 'hardened',
  rationale: 'A bind mount of a whole system tree (/, /etc, /usr, /var, /home), of a kernel or device interface (/proc, /sys, /dev, /boot, /lib/modules, /usr/src), of host credentials (/root, /etc/shadow, /etc/ssh, /var/lib/docker, a user\'s ~/.ssh) or, writable, of a file that controls the host (/etc/passwd, sudoers, cron, systemd units) hands the container the host\'s configuration, secrets or kernel; writable, it lets the container change the host (add a user, a cron job, a kernel module). Read-only, credentials still leak. A folder below a system tree that is an application\'s own data (/etc/pihole, /var/lib/grafana) is not reported.',
  remediation: 'Mount only the specific file or directory the service needs, read-only (`:ro`), or use a named volume.',
  references: ['CIS Docker Benchmark 5.5', 'https://docs.docker.com/engine/storage/bind-mounts/'],
  equivalents: { kics: ['Volume Has Sensitive Host Directory'], cis: ['5.5'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/etc:/host/etc"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["./conf/nginx.conf:/etc/nginx/nginx.conf:ro"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'volumes');
      for (const v of svc.volumes) {
        if (v.type !== 'bind' || !v.source || !v.source.startsWith('/')) continue;
        const src = v.source.length > 1 ? v.source.replace(/\/+$/, '') : v.source;
        const danger = hostPathDanger(v.source, v.readOnly);
        if (danger === null || danger.kind === 'socket') continue; // the socket: compose/docker-socket-mounted
        const path = itemPath(svc, 'volumes', v.node, list);
        if (danger.kind === 'read-only') reportNode(ctx, v.node, path, `service ${svc.name} mounts the host's ${src} (read-only; ${danger.what})`, 'warning');
        else reportNode(ctx, v.node, path, `service ${svc.name} mounts the host's ${src} writable (${danger.what})`);
      }
    }
  },
});
