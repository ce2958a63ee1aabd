import { defineRule } from '../../engine/types.js';
import { checkHostMounts, POSTURE_LEVEL } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/docker-socket-mounted',
  target: 'run',
  title: "Containers do not mount the Docker socket",
  severity: 'error',
  level: POSTURE_LEVEL.socket,
  rationale: "Whoever can talk to /var/run/docker.sock can start a privileged container that mounts the host's root filesystem: the socket is root on the host, read-only or not. `--use-api-socket` mounts it too.",
  remediation: "Remove the mount; give tools that need the API a filtering proxy that allows only the calls they need.",
  references: ["CIS Docker Benchmark 5.31", "https://docs.docker.com/engine/security/#docker-daemon-attack-surface"],
  equivalents: { cis: ['5.31'] },
  examples: { bad: "docker run -v /var/run/docker.sock:/var/run/docker.sock nginx:1.27\n", good: "docker run -v data:/data nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkHostMounts(p, WHO, 'socket'));
  },
});
