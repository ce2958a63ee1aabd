import { defineRule } from '../../engine/types.js';
import { get, getPath, str } from '../../targets/compose/model.js';
import { reportMissing, reportNode } from '../../targets/compose/rule-helpers.js';

const ROTATING = new Set(['json-file', 'local']);

export default defineRule({
  id: 'compose/logging-limits-missing',
  target: 'compose',
  title: 'Container logs are rotated',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Docker\'s default json-file driver keeps every log line forever: a chatty or attacked service fills the host\'s disk and takes the host down. `max-size` (and `max-file`) bound it. Drivers that ship logs elsewhere (syslog, journald, fluentd, …) are accepted.',
  remediation: 'Set `logging: {driver: json-file, options: {max-size: "10m", max-file: "3"}}` (an x- anchor shared by the services keeps it short).',
  references: ['https://docs.docker.com/engine/logging/drivers/json-file/', 'https://docs.docker.com/reference/compose-file/services/#logging'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    logging:\n      options:\n        max-size: 10m\n        max-file: "3"\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const logging = get(svc.node, 'logging');
      if (!logging) {
        reportMissing(ctx, svc, 'logging', `service ${svc.name} does not limit its log size (no logging max-size)`);
        continue;
      }
      const driver = str(get(logging, 'driver'))?.trim() || 'json-file';
      if (!ROTATING.has(driver)) continue;
      if (driver === 'local' || getPath(logging, ['options', 'max-size'])) continue; // local rotates by default
      reportNode(ctx, logging, `${svc.yamlPath}.logging`, `service ${svc.name} logs with ${driver} without options.max-size`);
    }
  },
});
