import { defineRule } from '../../engine/types.js';
import { reportDiagnostics } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/schema-violation',
  target: 'compose',
  title: 'The compose file follows the compose specification',
  severity: 'error',
  level: null,
  rationale: 'docker compose validates files against the compose-spec JSON schema and refuses unknown keys and wrong types. A misspelt key (`read-only:` for `read_only:`) is worse than an error: a tool that ignores it leaves the service without the protection its author meant to give.',
  remediation: 'Use the key and the value type the compose specification defines at the reported position.',
  references: ['https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json', 'https://docs.docker.com/reference/compose-file/services/'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    read-only: true\n', good: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n' },
  check(model, ctx) {
    reportDiagnostics(model, ctx, ['schema']);
  },
});
