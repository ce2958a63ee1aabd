// The container shares a namespace with the host.
import { defineRule } from '../../engine/types.js';
import { checkHostNamespaces, POSTURE_LEVEL } from '../posture.js';
import { containerPosture } from '../../targets/container/posture.js';

const FIELDS: Record<string, string> = { network: 'NetworkMode', pid: 'PidMode', ipc: 'IpcMode', uts: 'UTSMode', userns: 'UsernsMode' };

export default defineRule({
  id: 'container/host-namespaces',
  target: 'container',
  title: 'The container does not share the host\'s network, PID, IPC, UTS or user namespace',
  severity: 'error',
  level: POSTURE_LEVEL.hostNamespace,
  rationale: 'A host namespace removes one wall of the container: the host PID namespace shows (and with ptrace reaches) every host process, the host network lets it bind and sniff the host\'s interfaces, the host IPC and UTS namespaces share memory segments and the hostname, and the host user namespace undoes a userns-remap. Judged by the same function as compose/host-namespace and run/host-namespace (rules/posture.ts).',
  remediation: 'Remove `--network host`, `--pid host`, `--ipc host`, `--uts host`, `--userns host` (or their compose keys); publish ports on 127.0.0.1 instead of host networking.',
  references: ['CIS Docker 5.9', 'CIS Docker 5.15', 'CIS Docker 5.16', 'CIS Docker 5.20', 'CIS Docker 5.30'],
  equivalents: { cis: ['5.9', '5.15', '5.16', '5.20', '5.30'], kics: ['Host Namespace is Shared', 'Network Mode Is Host'] },
  examples: { bad: '{"hostConfig":{"networkMode":"host","pidMode":"host"}}', good: '{"hostConfig":{"networkMode":"bridge","pidMode":""}}' },
  check(model, ctx) {
    const written = (key: string): string => `HostConfig.${FIELDS[key] ?? key} is host`;
    for (const issue of checkHostNamespaces(containerPosture(model), 'the container', written)) {
      ctx.report({ message: `${issue.message}: the container shares the host's namespace`, location: { field: issue.at?.field ?? 'HostConfig' } });
    }
  },
});
