import { defineRule } from '../../engine/types.js';
import { checkHostMounts } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/sensitive-host-path',
  target: 'run',
  title: "Containers do not mount sensitive host paths",
  severity: 'error',
  level: 'hardened',
  rationale: "A bind mount of /, /etc, /proc, /sys, /dev, /boot, /root or /var/lib/docker hands the container the host's configuration, credentials, kernel interfaces or other containers' data; writable, it can change the host.",
  remediation: "Mount only the file or folder the container needs, read-only (`:ro`), or use a named volume.",
  references: ["CIS Docker Benchmark 5.5", "https://docs.docker.com/engine/storage/bind-mounts/"],
  equivalents: { cis: ['5.5'] },
  examples: { bad: "docker run -v /etc:/host/etc nginx:1.27\n", good: "docker run -v ./nginx.conf:/etc/nginx/nginx.conf:ro nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkHostMounts(p, WHO, 'sensitive'));
  },
});
