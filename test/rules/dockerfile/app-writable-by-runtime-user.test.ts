import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/app-writable-by-runtime-user.js';

const USER = 'FROM node:22-bookworm-slim\nRUN useradd --system --uid 10001 --shell /usr/sbin/nologin app\nWORKDIR /app\n';

testRule(rule, {
  valid: [
    { code: `${USER}COPY server.js ./\nUSER app\n`, name: 'root-owned application files' },
    { code: `${USER}COPY --chown=root:root --chmod=0444 server.js ./\nUSER 10001\n` },
    { code: `${USER}RUN install -d -o app /app/data && chown -R app:app /app/data /tmp/cache\nUSER app\n`, name: 'state directories' },
    { code: `${USER}COPY --chown=app:app seed.db /var/lib/app/\nUSER app\n`, name: 'COPY into /var' },
    { code: `${USER}COPY --chown=app server.js ./\nUSER root\n`, name: 'root runtime user is another rule' },
    { code: `${USER}COPY --chown=node server.js ./\nUSER app\n`, name: 'another user' },
  ],
  invalid: [
    { code: `${USER}COPY --chown=app:app . .\nUSER app\n`, errors: [{ line: 4, column: 6, message: '/app' }] },
    { code: `${USER}COPY --chown=10001:10001 server.js ./\nUSER app\n`, errors: [{ line: 4, column: 6 }], name: 'UID of the created user' },
    { code: `${USER}COPY . .\nRUN chown -R app:app /app\nUSER 10001\n`, errors: [{ line: 5, column: 5, message: 'chown app:app' }], name: 'RUN chown -R' },
    { code: `${USER}ARG UID=10001\nCOPY --chown=\${UID} server.js /srv/app/\nUSER app\n`, errors: [{ line: 5, column: 6 }], name: 'ARG-resolved owner' },
  ],
});
