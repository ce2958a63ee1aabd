import { defineRule } from '../../engine/types.js';
import { runtimeUser } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/user-unknown',
  target: 'image',
  title: 'A named runtime user exists in /etc/passwd',
  severity: 'error',
  level: null,
  rationale: 'When config.User names a user that /etc/passwd does not hold, the engine refuses to start the container ("unable to find user … no matching entries in passwd file"). A numeric UID needs no entry.',
  remediation: 'Create the user in the image (useradd/adduser) before `USER name`, or use a numeric `USER 10001:10001`.',
  references: ['https://docs.docker.com/reference/dockerfile/#user'],
  equivalents: {},
  examples: {
    bad: 'user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh',
    good: 'user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\napp:x:10001:10001::/app:/usr/sbin/nologin',
  },
  check(model, ctx) {
    const u = runtimeUser(model);
    const name = u.spec.split(':')[0];
    if (name === '' || /^\d+$/.test(name) || name === 'root' || u.entry) return;
    const hasPasswd = Object.hasOwn(model.texts, '/etc/passwd');
    ctx.report({
      message: hasPasswd ? `config.User names ${name}, which /etc/passwd does not hold: the container will not start` : `config.User names ${name}, but the image has no /etc/passwd: the container will not start`,
      location: { field: 'config.User' },
    });
  },
});
