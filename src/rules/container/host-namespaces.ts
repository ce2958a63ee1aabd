// The container shares a namespace with the host.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/host-namespaces',
  target: 'container',
  title: 'The container does not share the host\'s network, PID, IPC, UTS or user namespace',
  severity: 'error',
  level: 'nonroot',
  rationale: 'Sharing a namespace with the host removes that part of the isolation: host network exposes host-only services and lets the container bind any host port; host PID lets it see and signal host processes; host IPC its shared memory.',
  remediation: 'Remove `--network host`, `--pid host`, `--ipc host`, `--uts host`, `--userns host` (compose: network_mode, pid, ipc, uts, userns_mode).',
  references: ['CIS Docker 5.9', 'CIS Docker 5.15', 'CIS Docker 5.16', 'CIS Docker 5.20', 'CIS Docker 5.30'],
  equivalents: { cis: ['5.9', '5.15', '5.16', '5.20', '5.30'], kics: ['Host Namespace is Shared', 'Network Mode Is Host'] },
  examples: { bad: '{"hostConfig":{"networkMode":"host","pidMode":"host"}}', good: '{"hostConfig":{"networkMode":"bridge","pidMode":""}}' },
  check(model, { report }) {
    const hc = model.hostConfig;
    const shared: [string, string][] = [['NetworkMode', hc.networkMode], ['PidMode', hc.pidMode], ['IpcMode', hc.ipcMode], ['UTSMode', hc.utsMode], ['UsernsMode', hc.userNsMode]];
    for (const [field, value] of shared) {
      if (value === 'host') report({ message: `HostConfig.${field} is host: the container shares the host's namespace`, location: { field: `HostConfig.${field}` } });
    }
  },
});
