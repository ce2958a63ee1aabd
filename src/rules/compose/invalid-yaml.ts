import { defineRule } from '../../engine/types.js';
import { reportDiagnostics } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/invalid-yaml',
  target: 'compose',
  title: 'The compose file is valid YAML',
  severity: 'error',
  level: null,
  rationale: 'docker compose refuses a file it cannot parse. Broken YAML, a second document, a file too large to be a compose file or aliases that expand without bound (a "billion laughs" alias bomb) stop the audit of the file too.',
  remediation: 'Fix the YAML at the reported position (indentation, quotes, duplicate keys, unknown aliases).',
  references: ['https://yaml.org/spec/1.2.2/', 'https://docs.docker.com/reference/compose-file/'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n   ports: ["80"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["80"]\n' },
  check(model, ctx) {
    reportDiagnostics(model, ctx, ['yaml']);
  },
});
