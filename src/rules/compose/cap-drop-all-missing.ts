import { defineRule } from '../../engine/types.js';
import { dropsAll } from '../posture.js';
import { get } from '../../targets/compose/model.js';
import { reportMissing, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/cap-drop-all-missing',
  target: 'compose',
  title: 'Services drop all capabilities',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Docker gives every container 14 capabilities by default (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, …). Few services need any of them; each one is room for an attacker. `cap_drop: [ALL]` and a `cap_add` of only what is needed is the least privilege.',
  remediation: 'Set `cap_drop: [ALL]` and add back only what the service needs (e.g. `cap_add: [NET_BIND_SERVICE]`).',
  references: ['CIS Docker Benchmark 5.3', 'https://docs.docker.com/reference/compose-file/services/#cap_drop'],
  equivalents: { kics: ['Container Capabilities Unrestricted'], cis: ['5.3'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    cap_drop: [NET_RAW]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    cap_drop: [ALL]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      if (dropsAll(svc.capDrop)) continue;
      const node = get(svc.node, 'cap_drop');
      if (node) reportNode(ctx, node, `${svc.yamlPath}.cap_drop`, `service ${svc.name} drops some capabilities but not ALL`);
      else reportMissing(ctx, svc, 'cap_drop', `service ${svc.name} keeps Docker's default capabilities (no cap_drop: [ALL])`);
    }
  },
});
