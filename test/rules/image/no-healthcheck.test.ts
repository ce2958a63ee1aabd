import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/no-healthcheck.js';

testRule(rule, {
  valid: [
    { code: "healthcheck: CMD node /app/h.js" },
  ],
  invalid: [
    { code: "user: app", errors: [{ field: 'config.Healthcheck', message: "no HEALTHCHECK" }] },
    { code: "healthcheck: NONE", errors: [{ field: 'config.Healthcheck', message: "HEALTHCHECK NONE" }] },
  ],
});
