import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/unsigned.js';

testRule(rule, {
  valid: [
    // a docker-save tar or an engine image has no place for signatures: not judged
    { code: 'file /app/server.js' },
    { code: 'file /app/server.js\nsignature: unverified' },
    { code: 'file /app/server.js\nsignature: verified key' },
    // a bad signature is signature-invalid's, not a missing one
    { code: 'file /app/server.js\nsignature: bad-signature key' },
  ],
  invalid: [
    { code: 'file /app/server.js\nsignature: none', errors: [{ field: 'index.json', message: 'no cosign signature of sha256:' }] },
    { code: 'file /app/server.js\nsignature: none key', errors: [{ field: 'index.json', message: 'no cosign signature' }] },
  ],
});
