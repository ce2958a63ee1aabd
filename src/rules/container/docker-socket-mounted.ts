// The Docker socket is mounted into the container.
import { defineRule } from '../../engine/types.js';
import { hostPathDanger, POSTURE_LEVEL, SOCKET } from '../posture.js';
import { containerPosture } from '../../targets/container/posture.js';

export default defineRule({
  id: 'container/docker-socket-mounted',
  target: 'container',
  title: 'The Docker socket is not mounted',
  severity: 'error',
  level: POSTURE_LEVEL.socket,
  rationale: 'Whoever can reach the engine socket can start a privileged container with the host\'s root file system mounted: mounting it, even read-only, gives the container root on the host. The host path is judged by the same function as compose/docker-socket-mounted and run/docker-socket-mounted (rules/posture.ts); a socket mounted under the engine\'s name at another source is reported too.',
  remediation: 'Remove the mount. A tool that needs the API should talk to a socket proxy that allows only the calls it needs, or run outside the container.',
  references: ['CIS Docker 5.31'],
  equivalents: { cis: ['5.31'], kics: ['Docker Socket Mounted In Container'], dockerBench: ['check_5_31'] },
  examples: { bad: '{"hostConfig":{"mounts":[{"type":"bind","source":"/var/run/docker.sock","destination":"/var/run/docker.sock","readOnly":true}]}}', good: '{"hostConfig":{"mounts":[{"type":"volume","source":"/var/lib/docker/volumes/data/_data","destination":"/data","readOnly":false}]}}' },
  check(model, ctx) {
    for (const m of containerPosture(model).mounts) {
      if (m.type !== 'bind' || m.source === null) continue;
      if (hostPathDanger(m.source, m.readOnly)?.kind !== 'socket' && !SOCKET.test(m.target)) continue;
      ctx.report({ message: `the engine socket ${m.source} is mounted at ${m.target}${m.readOnly ? ' (read-only does not help: the API still works)' : ''}: root on the host`, location: { field: m.at.field, imagePath: m.target } });
    }
  },
});
