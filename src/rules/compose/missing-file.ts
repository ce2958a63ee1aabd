import { defineRule } from '../../engine/types.js';
import { reportDiagnostics } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/missing-file',
  target: 'compose',
  title: 'Files the services need exist',
  severity: 'error',
  level: null,
  rationale: 'A `build:` whose Dockerfile does not exist, or a required `env_file` that cannot be read, makes `docker compose build`/`up` fail, and the image the service would run cannot be audited.',
  remediation: 'Fix `build.context` / `build.dockerfile` (the Dockerfile path is relative to the context) or the `env_file` path (relative to the compose file), or mark an optional env file `required: false`.',
  references: ['https://docs.docker.com/reference/compose-file/build/', 'https://docs.docker.com/reference/compose-file/services/#env_file'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    env_file: missing.env\n', good: 'services:\n  api:\n    env_file:\n      - path: missing.env\n        required: false\n' },
  check(model, ctx) {
    reportDiagnostics(model, ctx, ['build', 'env-file']);
  },
});
