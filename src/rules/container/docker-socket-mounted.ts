// The Docker socket is mounted into the container.
import { defineRule } from '../../engine/types.js';

const SOCKET = /(^|\/)(docker|containerd|podman|crio)\.sock$|^\/var\/run\/docker$|^\/run\/docker$/;

export default defineRule({
  id: 'container/docker-socket-mounted',
  target: 'container',
  title: 'The Docker socket is not mounted',
  severity: 'error',
  level: 'nonroot',
  rationale: 'Whoever can talk to the engine\'s socket can start a privileged container with the host\'s / mounted: the socket is root on the host, read-only mount or not.',
  remediation: 'Remove the socket mount; if a tool really needs the API, put a filtering proxy in front of it.',
  references: ['CIS Docker 5.31'],
  equivalents: { cis: ['5.31'], kics: ['Docker Socket Mounted In Container'] },
  examples: { bad: '{"hostConfig":{"mounts":[{"type":"bind","source":"/var/run/docker.sock","destination":"/var/run/docker.sock","readOnly":true}]}}', good: '{"hostConfig":{"mounts":[{"type":"volume","source":"/var/lib/docker/volumes/data/_data","destination":"/data","readOnly":false}]}}' },
  check(model, { report }) {
    for (const m of model.hostConfig.mounts) {
      if (m.type === 'bind' && (SOCKET.test(m.source) || SOCKET.test(m.destination))) {
        report({ message: `the engine socket ${m.source} is mounted at ${m.destination}${m.readOnly ? ' (read-only does not help: the API still works)' : ''}`, location: { field: 'Mounts', imagePath: m.destination } });
      }
    }
  },
});
