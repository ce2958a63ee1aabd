// The HTTP path asked for did not answer 200.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/http-probe-failed',
  target: 'container',
  title: 'The HTTP path answers 200',
  severity: 'error',
  level: null,
  rationale: 'Hardening must not break the service: the path given with --http is requested while the container runs with the profile\'s restrictions, and must answer 200.',
  remediation: 'Read the container\'s logs; a read-only root filesystem usually needs a tmpfs where the application writes.',
  references: ['https://docs.docker.com/reference/cli/docker/container/run/#read-only', 'https://docs.docker.com/engine/containers/run/#healthchecks'],
  equivalents: {},
  examples: { bad: '{"http":{"path":"/health","status":503,"from":"host","url":"http://127.0.0.1:1/health"}}', good: '{"http":{"path":"/health","status":200,"from":"host","url":"http://127.0.0.1:1/health"}}' },
  check(model, ctx) {
    const h = model.http;
    if (!h || h.status === 200) return;
    ctx.report({ message: h.status === null ? `GET ${h.path} failed (${h.url}, from the ${h.from}): ${h.error ?? 'no answer'}` : `GET ${h.path} answered ${h.status}, not 200 (${h.url}, from the ${h.from})`, location: { field: 'http' } });
  },
});
