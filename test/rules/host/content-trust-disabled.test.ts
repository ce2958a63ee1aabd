import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/content-trust-disabled.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"env": {"contentTrust": "true"}}' }],
  invalid: [
    { code: '{"env": {"contentTrust": null}}', errors: [{ field: 'DOCKER_CONTENT_TRUST', message: 'is not set' }] },
    { code: '{"env": {"contentTrust": "0"}}', errors: [{ field: 'DOCKER_CONTENT_TRUST', message: 'is "0"' }] },
  ],
});
