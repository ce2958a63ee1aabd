import { defineRule } from '../../engine/types.js';
import { checkCapAdd } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/dangerous-cap-add',
  target: 'run',
  title: "Containers do not add dangerous capabilities",
  severity: 'warning',
  level: 'hardened',
  rationale: "SYS_ADMIN is \"the new root\", SYS_MODULE loads kernel modules, SYS_PTRACE reads other processes' memory, DAC_READ_SEARCH opened the \"shocker\" escape, and ALL undoes --cap-drop. NET_ADMIN, SYS_TIME and the like change host-wide state.",
  remediation: "Remove the capability; if the container truly needs one, document why and keep the rest dropped.",
  references: ["CIS Docker Benchmark 5.3", "https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  equivalents: { cis: ['5.3'] },
  examples: { bad: "docker run --cap-add SYS_ADMIN nginx:1.27\n", good: "docker run --cap-add NET_BIND_SERVICE nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkCapAdd(p, WHO));
  },
});
