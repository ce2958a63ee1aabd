import { defineRule } from '../../engine/types.js';
import { checkPrivileged, POSTURE_LEVEL } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/privileged',
  target: 'run',
  title: "Containers do not run privileged",
  severity: 'error',
  level: POSTURE_LEVEL.privileged,
  rationale: "`--privileged` gives the container every capability, every host device and no seccomp or AppArmor confinement: a process in it can mount the host disk and load kernel modules. It is root on the host.",
  remediation: "Remove `--privileged`; add only the capability or the device the container needs (`--cap-add`, `--device`).",
  references: ["CIS Docker Benchmark 5.4", "https://docs.docker.com/reference/cli/docker/container/run/#privileged"],
  equivalents: { cis: ['5.4'] },
  examples: { bad: "docker run --privileged nginx:1.27\n", good: "docker run nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkPrivileged(p, WHO));
  },
});
