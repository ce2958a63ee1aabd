import { defineRule } from '../../engine/types.js';
import { get, isTrue } from '../../targets/compose/model.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/read-only-without-tmpfs',
  target: 'compose',
  title: 'A read-only service has a writable tmpfs where it needs one',
  severity: 'info',
  level: null,
  rationale: 'Most programs write somewhere (/tmp, a pid file, a cache). With a read-only root filesystem and neither a tmpfs nor a volume they fail at run time, and the usual "fix" is to drop read_only again.',
  remediation: 'Add `tmpfs: [/tmp]` (with `size=` and `mode=` options as needed) or a volume for the paths the service writes.',
  references: ['https://docs.docker.com/reference/compose-file/services/#tmpfs'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n', good: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const r = get(svc.node, 'read_only');
      if (!r || !isTrue(r)) continue;
      const writable = svc.tmpfs.length > 0 || svc.volumes.some((v) => !v.readOnly);
      if (!writable) reportNode(ctx, r, `${svc.yamlPath}.read_only`, `service ${svc.name} is read-only but has no tmpfs or writable volume (e.g. for /tmp)`);
    }
  },
});
