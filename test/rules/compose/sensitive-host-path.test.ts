import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/sensitive-host-path.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/etc/localtime:/etc/localtime:ro", "./conf:/etc/nginx:ro", "data:/etc"]\n' },
    { name: 'an application\'s own data folder below a system tree', code: 'services:\n  dns:\n    image: pihole/pihole:2024.07.0\n    volumes:\n      - "/etc/pihole/:/etc/pihole/"\n      - /etc/dnsmasq.d:/etc/dnsmasq.d\n      - /usr/share/appdata/vpn/config:/config\n      - /var/lib/grafana:/var/lib/grafana\n      - /home/ops/app/data:/data\n' },
    { name: 'read-only files below kernel interfaces and user names', code: 'services:\n  mon:\n    image: prom/node-exporter:v1.8.2\n    volumes: ["/sys/fs/cgroup:/sys/fs/cgroup:ro", "/etc/passwd:/etc/passwd:ro", "/etc/group:/etc/group:ro"]\n' },
    { name: 'the socket is another rule', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    volumes:\n      - /:/host\n      - /proc:/host/proc:ro\n', errors: [{ line: 5, column: 9, severity: 'error', message: 'writable' }, { line: 6, column: 9, severity: 'warning' }] },
    { name: 'writable sub-path, long syntax', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: /etc/ssh\n        target: /ssh\n', errors: [{ line: 5, column: 9 }] },
    { name: 'kernel modules and sources, writable', code: 'services:\n  vpn:\n    image: example.org/vpn:1\n    volumes:\n      - /usr/src:/usr/src\n      - /lib/modules:/lib/modules\n', errors: [{ line: 5, severity: 'error', message: 'kernel' }, { line: 6, severity: 'error', message: 'kernel' }] },
    { name: 'credentials leak read-only too', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/etc/shadow:/etc/shadow:ro", "/home/ops/.ssh:/keys:ro", "/root:/r:ro"]\n', errors: [{ line: 4, severity: 'warning', message: '/etc/shadow' }, { line: 4, severity: 'warning', message: '/home/ops/.ssh' }, { line: 4, severity: 'warning', message: '/root' }] },
    { name: 'a file that controls the host, writable', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/etc/passwd:/etc/passwd", "/etc/cron.d:/cron"]\n', errors: [{ line: 4, severity: 'error', message: 'controls the host' }, { line: 4, severity: 'error', message: '/etc/cron.d' }] },
    { name: 'a whole system tree read-only', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/etc:/host/etc:ro"]\n', errors: [{ line: 4, severity: 'warning', message: 'system tree' }] },
  ],
});
