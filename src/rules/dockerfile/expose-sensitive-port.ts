import { defineRule } from '../../engine/types.js';
import { exposeEntries } from './util/expose.js';

const SENSITIVE: Record<number, string> = {
  22: 'SSH',
  2375: 'the Docker Engine API without TLS (root on the host to anyone who reaches it)',
  2376: 'the Docker Engine API over TLS',
  2377: 'Docker Swarm cluster management',
};

export default defineRule({
  id: 'dockerfile/expose-sensitive-port',
  target: 'dockerfile',
  title: 'EXPOSE of SSH or a Docker daemon port',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'A container runs one service; SSH inside it (port 22) means an extra daemon, keys or passwords in the ' +
    'image and a remote shell for attackers, when `docker exec` already gives operators access. Ports 2375/2376 ' +
    '(Docker Engine API) and 2377 (Swarm management) belong to the host\'s daemon: an image that exposes them ' +
    'either runs a Docker daemon inside or invites publishing the host\'s API — which is root on the host. ' +
    'Ranges that include these ports count. Port 2375 (no TLS, no authentication) is an error.',
  remediation: 'Remove the port from EXPOSE and the daemon from the image; use `docker exec` for access, and never publish the Docker API from a container.',
  references: [
    'https://docs.docker.com/engine/security/protect-access/',
    'https://docs.docker.com/reference/dockerfile/#expose',
  ],
  equivalents: {
    trivy: ['DS-0004'],
    checkov: ['CKV_DOCKER_1'],
    kics: ['Exposing Port 22 (SSH)'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22 8000\n',
    good: 'FROM debian:12-slim\nEXPOSE 8000\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const e of exposeEntries(model, instr)) {
        const p = e.port;
        if (!p || e.unresolved || p.from > p.to) continue;
        const hits = Object.keys(SENSITIVE).map(Number).filter((n) => n >= p.from && n <= p.to);
        if (hits.length === 0) continue;
        const what = hits.map((n) => `${n} (${SENSITIVE[n]})`).join(', ');
        const shown = e.text !== e.value ? `${e.text} (= ${e.value})` : e.text;
        ctx.report({
          message: `EXPOSE ${shown} opens ${what}; remove it and use docker exec for access.`,
          range: e.range,
          severity: hits.includes(2375) ? 'error' : 'warning',
        });
      }
    }
  },
});
