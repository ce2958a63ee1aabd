import { defineRule } from '../../engine/types.js';
import { runtimeUser } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/user-root',
  target: 'image',
  title: 'The image runs as a non-root user',
  severity: 'error',
  level: 'nonroot',
  rationale: 'Without config.User (or with root, 0, or a name whose UID is 0) every container of the image starts as root: a compromised process owns the container and is one kernel bug away from the host.',
  remediation: 'Create a user with a fixed UID in the Dockerfile and end with `USER 10001:10001` (or a name present in /etc/passwd).',
  references: ['CIS Docker Benchmark 4.1', 'https://docs.docker.com/reference/dockerfile/#user'],
  equivalents: { dockle: ['CIS-DI-0001'], trivy: ['DS002'], cis: ['4.1'] },
  examples: {
    bad: 'file /etc/passwd << root:x:0:0:root:/root:/bin/sh',
    good: 'user: 10001\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\napp:x:10001:10001::/app:/usr/sbin/nologin',
  },
  check(model, ctx) {
    const u = runtimeUser(model);
    const field = 'config.User';
    if (u.spec === '') ctx.report({ message: 'config.User is empty: containers run as root', location: { field } });
    else if (u.uid === 0) ctx.report({ message: `config.User is "${u.spec}", which is UID 0 (root)`, location: { field } });
  },
});
