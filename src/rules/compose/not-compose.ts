import { defineRule } from '../../engine/types.js';
import { reportDiagnostics } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/not-compose',
  target: 'compose',
  title: 'The file is a compose file',
  severity: 'error',
  level: null,
  rationale: 'A file named like a compose file that holds something else (a Kubernetes manifest, a list, an empty document) cannot be run by docker compose and has no services to audit.',
  remediation: 'Give the file a top-level `services:` mapping, or rename it if it is not a compose file.',
  references: ['https://docs.docker.com/reference/compose-file/'],
  equivalents: {},
  examples: { bad: 'apiVersion: v1\nkind: Pod\n', good: 'services:\n  api:\n    image: nginx:1.27\n' },
  check(model, ctx) {
    reportDiagnostics(model, ctx, ['not-compose']);
  },
});
