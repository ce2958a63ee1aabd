import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/docker-host-plain-tcp',
  target: 'host',
  title: 'DOCKER_HOST does not reach the engine over plain TCP',
  severity: 'error',
  level: 'nonroot',
  rationale: 'A `tcp://` DOCKER_HOST without TLS verification sends every API call, registry credentials included, in the clear, to an engine that accepts anyone: the engine listening there is root for whoever else reaches it.',
  remediation: 'Use `DOCKER_HOST=ssh://user@host`, or TLS: `DOCKER_TLS_VERIFY=1` with client certificates and port 2376.',
  references: ['https://docs.docker.com/engine/security/protect-access/', 'CIS Docker Benchmark 2.7'],
  equivalents: { cis: ['2.7'], dockerBench: ['check_2_7'] },
  examples: { bad: '{"env": {"contentTrust": "1", "dockerHost": "tcp://10.0.0.5:2375"}}', good: '{"env": {"contentTrust": "1", "dockerHost": "ssh://deploy@10.0.0.5"}}' },
  check(model, ctx) {
    const h = model.env.dockerHost;
    if (!h || !/^(tcp|http):\/\//i.test(h)) return;
    const verify = model.env.tlsVerify?.trim();
    if (verify && verify !== '0' && verify.toLowerCase() !== 'false') return;
    ctx.report({ message: `DOCKER_HOST=${h} without DOCKER_TLS_VERIFY: the API is reached in plain text${/:2375\b/.test(h) ? ' (2375 is the plain-text port)' : ''}`, location: { path: 'env', field: 'DOCKER_HOST' } });
  },
});
