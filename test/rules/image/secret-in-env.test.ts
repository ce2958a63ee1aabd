import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/secret-in-env.js';

testRule(rule, {
  valid: [
    { code: "env: PATH=/usr/bin" },
    { code: "env: DB_PASSWORD_FILE=/run/secrets/db" },
    { code: "env: API_KEY=changeme" },
    { code: "env: API_TOKEN=${API_TOKEN}" },
  ],
  invalid: [
    { code: "env: DB_PASSWORD=Zq8vPw3rTx7Lm2Nk", errors: [{ field: 'config.Env.DB_PASSWORD', message: "DB_PASSWORD=Zq8v" }] },
    { code: 'env: GH=ghp_' + 'aBcD1234eFgH5678iJkL9012mNoP3456qRsT', errors: [{ field: 'config.Env.GH', message: "GitHub" }] },
  ],
});
