import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';
import { capDanger, capName } from '../posture.js';

export default defineRule({
  id: 'compose/dangerous-cap-add',
  target: 'compose',
  title: 'Services do not add dangerous capabilities',
  severity: 'warning',
  level: 'hardened',
  rationale: 'SYS_ADMIN is "the new root" (mount, namespaces, BPF…), SYS_MODULE loads kernel modules, SYS_PTRACE reads other processes\' memory, DAC_READ_SEARCH opened the "shocker" escape, and ALL undoes cap_drop. NET_ADMIN, SYS_TIME and the like change host-wide state. Added capabilities mean not all capabilities are dropped.',
  remediation: 'Remove the capability; if the service truly needs one, run that part in a separate, narrowly scoped service and document why.',
  references: ['CIS Docker Benchmark 5.3', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
  equivalents: { kics: ['Container Capabilities Unrestricted'], cis: ['5.3'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    cap_add: [SYS_ADMIN]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    cap_add: [NET_BIND_SERVICE]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'cap_add');
      for (const c of svc.capAdd) {
        const name = capName(c.value);
        const danger = capDanger(c.value);
        if (danger === 'critical') reportNode(ctx, c.node, itemPath(svc, 'cap_add', c.node, list), `service ${svc.name} adds ${name}: a way out of the container`, 'error');
        else if (danger === 'risky') reportNode(ctx, c.node, itemPath(svc, 'cap_add', c.node, list), `service ${svc.name} adds ${name}`);
      }
    }
  },
});
