import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/secret-in-history.js';

testRule(rule, {
  valid: [
    { code: "layer: RUN npm ci" },
    { code: "layer: |1 NODE_ENV=production /bin/sh -c npm ci" },
    { code: "history: ENV API_KEY=changeme" },
  ],
  invalid: [
    { code: "layer: |1 NPM_TOKEN=npm_a8F3kq9Zr2LmX7pQw4Tn /bin/sh -c npm ci", errors: [{ field: 'history[0].created_by', layer: 0, message: "NPM_TOKEN=npm_" }] },
    { code: "history: ENV DB_PASSWORD=Zq8vPw3rTx7Lm2Nk", errors: [{ field: 'history[0].created_by', message: "DB_PASSWORD" }] },
    { code: "layer: RUN echo \"password=s3cr3tV4lue99x\" > /etc/app.conf", errors: [{ field: 'history[0].created_by', layer: 0, message: "password" }] },
  ],
});
