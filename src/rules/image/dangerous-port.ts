import { defineRule } from '../../engine/types.js';

const PORTS: Record<string, string> = {
  '22': 'SSH: a container should not run an SSH server; use docker exec',
  '23': 'telnet, unencrypted remote login',
  '2375': 'the Docker API without TLS: whoever reaches it owns the host',
  '2376': 'the Docker API: whoever reaches it owns the host',
};

export default defineRule({
  id: 'image/dangerous-port',
  target: 'image',
  title: 'The image does not expose SSH or the Docker API',
  severity: 'error',
  level: 'hardened',
  rationale: 'An exposed 22 means an SSH daemon (keys, passwords, another service to patch); 2375/2376 is the Docker daemon API, which is root on the host.',
  remediation: 'Remove the EXPOSE and the daemon; use `docker exec` for access, and never publish the Docker API from a container.',
  references: ['CIS Docker Benchmark 5.8', 'https://docs.docker.com/engine/security/protect-access/'],
  equivalents: { trivy: ['DS004'], cis: ['5.8'] },
  examples: { bad: 'expose: 22/tcp', good: 'expose: 8000/tcp' },
  check(model, ctx) {
    for (const p of model.config.exposedPorts) {
      const port = p.split('/')[0];
      const why = PORTS[port];
      if (why) ctx.report({ message: `exposes ${p}: ${why}`, location: { field: `config.ExposedPorts.${p}` } });
    }
  },
});
