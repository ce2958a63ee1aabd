import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';

import { POSTURE_LEVEL, SOCKET } from '../posture.js';

export { SOCKET };

export default defineRule({
  id: 'compose/docker-socket-mounted',
  target: 'compose',
  title: 'Services do not mount the Docker socket',
  severity: 'error',
  level: POSTURE_LEVEL.socket,
  rationale: 'Whoever can talk to /var/run/docker.sock can start a privileged container that mounts the host\'s root filesystem: the socket is root on the host, read-only mount or not.',
  remediation: 'Remove the mount. Tools that need the API should go through a filtering proxy that allows only the calls they need, or run outside the application stack.',
  references: ['CIS Docker Benchmark 5.31', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
  equivalents: { kics: ['Docker Socket Mounted In Container'], cis: ['5.31'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["data:/data"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'volumes');
      for (const v of svc.volumes) {
        if (v.type !== 'bind' || !v.source) continue;
        const src = v.source.replace(/\/+$/, '');
        if (SOCKET.test(src)) reportNode(ctx, v.node, itemPath(svc, 'volumes', v.node, list), `service ${svc.name} mounts the container engine socket ${src}: root on the host`);
      }
    }
  },
});
