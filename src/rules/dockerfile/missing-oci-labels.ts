import { defineRule } from '../../engine/types.js';
import { chainInstructions } from './util/stages.js';
import { fromImageRange } from './util/ranges.js';
import { keyValues } from './util/values.js';

interface Options {
  /** Annotation keys the final image must carry. */
  required: string[];
}

export default defineRule<'dockerfile', Options>({
  id: 'dockerfile/missing-oci-labels',
  target: 'dockerfile',
  title: 'Final image lacks the basic OCI labels',
  severity: 'info',
  level: null,
  rationale:
    'Labels are how an image says what it is once it has left the build: scanners, registries (GitHub links a ' +
    'package to its repository through org.opencontainers.image.source), Renovate and incident responders read ' +
    'them. The minimal set checked by default is the one a person needs to trace a running container back to ' +
    'its code: `org.opencontainers.image.title` (what it is), `org.opencontainers.image.source` (where the code ' +
    'lives) and `org.opencontainers.image.version` (which release). Revision and creation date change every ' +
    'build and are better added by CI (`docker buildx build --label`, docker/metadata-action), so they are not ' +
    'required here; the `required` option changes the set. Labels of the stages the final stage is built FROM ' +
    'count; labels inherited from the base image are not visible here.',
  remediation:
    'Add one LABEL to the final stage, taking the version from a build argument: ' +
    '`ARG VERSION=dev` then `LABEL org.opencontainers.image.title="my-service" ' +
    'org.opencontainers.image.source="https://github.com/org/repo" org.opencontainers.image.version="$VERSION"`.',
  references: [
    'https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys',
    'https://docs.docker.com/reference/dockerfile/#label',
  ],
  equivalents: { hadolint: ['DL3049'] },
  options: {
    defaults: {
      required: ['org.opencontainers.image.title', 'org.opencontainers.image.source', 'org.opencontainers.image.version'],
    },
    schema: {
      type: 'object',
      properties: { required: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
  },
  examples: {
    bad: 'FROM node:22-bookworm-slim\nCOPY server.js /app/\nCMD ["node", "/app/server.js"]\n',
    good:
      'FROM node:22-bookworm-slim\nARG VERSION=dev\n' +
      'LABEL org.opencontainers.image.title="secure-app" \\\n' +
      '      org.opencontainers.image.source="https://github.com/example/secure-app" \\\n' +
      '      org.opencontainers.image.version="$VERSION"\n' +
      'COPY server.js /app/\nCMD ["node", "/app/server.js"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    if (!final) return;
    const keys = new Set(
      chainInstructions(model, final.stage)
        .filter((i) => i.keyword === 'LABEL')
        .flatMap((i) => keyValues(i, 'expanded', true).map((kv) => kv.key)),
    );
    const missing = ctx.options.required.filter((k) => !keys.has(k));
    if (missing.length === 0) return;
    ctx.report({
      message: `The final image has no ${missing.join(', ')} label${missing.length > 1 ? 's' : ''}; add them with LABEL so the image can be traced to its code.`,
      range: fromImageRange(model, final.stage),
    });
  },
});
