import { defineRule } from '../../engine/types.js';
import { POSTURE_LEVEL } from '../posture.js';
import { get, str } from '../../targets/compose/model.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

const KEYS: Record<string, string> = {
  network_mode: 'network', pid: 'process (PID)', ipc: 'IPC', uts: 'UTS (hostname)', userns_mode: 'user', cgroup: 'cgroup',
};

export default defineRule({
  id: 'compose/host-namespace',
  target: 'compose',
  title: 'Services do not share the host\'s namespaces',
  severity: 'error',
  level: POSTURE_LEVEL.hostNamespace,
  rationale: '`network_mode: host` exposes every host interface and local-only service (metadata endpoints, databases on 127.0.0.1); `pid: host` lets the container see and signal (with ptrace, inspect) every host process; `ipc: host` shares host shared memory; `uts: host` lets it change the hostname; `userns_mode: host` turns off user-namespace remapping.',
  remediation: 'Remove the setting; publish ports on 127.0.0.1 instead of host networking, and share namespaces only between the services that need it (`pid: "service:app"`).',
  references: ['CIS Docker Benchmark 5.9', 'CIS Docker Benchmark 5.15', 'CIS Docker Benchmark 5.16', 'CIS Docker Benchmark 5.20', 'CIS Docker Benchmark 5.30'],
  equivalents: { kics: ['Shared Host Network Namespace', 'Host Namespace is Shared', 'Shared Host IPC Namespace', 'Shared Host User Namespace'], cis: ['5.9', '5.15', '5.16', '5.20', '5.30'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    network_mode: host\n', good: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      for (const [key, what] of Object.entries(KEYS)) {
        const n = get(svc.node, key);
        if (n && str(n)?.trim().toLowerCase() === 'host') reportNode(ctx, n, `${svc.yamlPath}.${key}`, `service ${svc.name} shares the host's ${what} namespace (${key}: host)`);
      }
    }
  },
});
