import { defineRule } from '../../engine/types.js';
import { imageInputs } from './util/images.js';

interface Options {
  /** Registries images may come from: `registry.example.com`, `*.example.com`, `ghcr.io/*`-style
   *  prefixes (`ghcr*`), or `*`. Empty: the rule checks nothing. */
  allowed: string[];
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

function matches(pattern: string, registry: string): boolean {
  const p = pattern.trim().toLowerCase();
  const r = registry.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*')) return r.endsWith(p.slice(1));
  if (p.endsWith('*')) return r.startsWith(p.slice(0, -1));
  return p === r || (DOCKER_HUB.has(p) && DOCKER_HUB.has(r));
}

export default defineRule<'dockerfile', Options>({
  id: 'dockerfile/untrusted-registry',
  target: 'dockerfile',
  title: 'Image pulled from a registry outside the allowed list',
  severity: 'error',
  level: null,
  rationale:
    'Organisations that mirror and scan their base images want builds to pull only from those registries: an ' +
    'image from anywhere else has not been through the scans, may disappear, or may be a typo-squatted name. ' +
    'With the `allowed` option set, every image the build pulls — FROM, `COPY --from=<image>` and ' +
    '`RUN --mount=…,from=<image>` — must come from one of the listed registries. An image without a registry ' +
    'comes from Docker Hub (`docker.io`). The rule does nothing until the option is set (hadolint\'s ' +
    '`trustedRegistries` setting translates to it).',
  remediation: 'Pull the image through an allowed registry (`FROM registry.example.com/library/debian:12`), or add its registry to `allowed`.',
  references: ['https://docs.docker.com/reference/dockerfile/#from'],
  equivalents: { hadolint: ['DL3026'] },
  options: {
    defaults: { allowed: [] },
    schema: {
      type: 'object',
      properties: { allowed: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
  },
  examples: {
    bad: 'FROM quay.io/example/base:1.2\nRUN echo hi\n',
    good: 'FROM registry.example.com/example/base:1.2\nRUN echo hi\n',
    options: { allowed: ['registry.example.com'] },
  },
  check(model, ctx) {
    const allowed = ctx.options.allowed;
    if (allowed.length === 0) return;
    for (const input of imageInputs(model)) {
      const registry = input.ref.registry ?? 'docker.io';
      if (allowed.some((p) => matches(p, registry))) continue;
      ctx.report({
        message: `${input.via} pulls ${input.resolved} from ${registry}, which is not an allowed registry (${allowed.join(', ')})`,
        range: input.range,
      });
    }
  },
});
