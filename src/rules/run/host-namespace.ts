import { defineRule } from '../../engine/types.js';
import { checkHostNamespaces, POSTURE_LEVEL } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/host-namespace',
  target: 'run',
  title: "Containers do not share the host's namespaces",
  severity: 'error',
  level: POSTURE_LEVEL.hostNamespace,
  rationale: "`--network host`, `--pid host`, `--ipc host`, `--uts host`, `--userns host` and `--cgroupns host` remove a wall between the container and the host: host services on localhost, every host process, shared memory, the hostname.",
  remediation: "Remove the flag; publish ports on a chosen interface (`-p 127.0.0.1:8080:80`) instead of the host network.",
  references: ["CIS Docker Benchmark 5.9", "CIS Docker Benchmark 5.15", "CIS Docker Benchmark 5.16", "https://docs.docker.com/reference/cli/docker/container/run/#network"],
  equivalents: { cis: ['5.9', '5.15', '5.16'] },
  examples: { bad: "docker run --network host nginx:1.27\n", good: "docker run --network none nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkHostNamespaces(p, WHO, (key) => `--${key === 'cgroup' ? 'cgroupns' : key} host`));
  },
});
