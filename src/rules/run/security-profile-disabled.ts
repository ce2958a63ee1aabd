import { defineRule } from '../../engine/types.js';
import { checkSecurityProfiles } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/security-profile-disabled',
  target: 'run',
  title: "Containers keep seccomp, AppArmor and SELinux confinement",
  severity: 'error',
  level: 'hardened',
  rationale: "Docker's default seccomp profile blocks dangerous system calls and its AppArmor and SELinux profiles confine what the process may touch. `--security-opt seccomp=unconfined`, `apparmor=unconfined` and `label=disable` switch that off.",
  remediation: "Remove the option; if a system call is missing, use a custom seccomp profile that allows just that call.",
  references: ["CIS Docker Benchmark 5.1", "CIS Docker Benchmark 5.21", "https://docs.docker.com/engine/security/seccomp/"],
  equivalents: { cis: ['5.1', '5.21'] },
  examples: { bad: "docker run --security-opt seccomp=unconfined nginx:1.27\n", good: "docker run --security-opt no-new-privileges nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkSecurityProfiles(p, WHO));
  },
});
