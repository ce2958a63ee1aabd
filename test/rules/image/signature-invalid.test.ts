import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/signature-invalid.js';

testRule(rule, {
  valid: [
    { code: 'file /a' },
    { code: 'file /a\nsignature: none' },
    { code: 'file /a\nsignature: unverified' },
    { code: 'file /a\nsignature: verified key' },
    // several signers: one signature verifies with the key, the other is another key's
    { code: 'file /a\nsignature: verified bad-signature key' },
  ],
  invalid: [
    { code: 'file /a\nsignature: bad-signature key', errors: [{ field: 'signature sha256:2222222222222222222222222222222222222222222222222222222222222222 layers[0]', message: 'does not verify with the ec prime256v1 public key cosign.pub' }] },
    { code: 'file /a\nsignature: digest-mismatch', errors: [{ field: 'signature sha256:2222222222222222222222222222222222222222222222222222222222222222 layers[0]', message: 'names another image: the payload signs sha256:1111' }] },
    { code: 'file /a\nsignature: verified digest-mismatch key', errors: [{ field: 'signature sha256:2222222222222222222222222222222222222222222222222222222222222222 layers[1]', message: '(layer 1) names another image' }] },
    { code: 'file /a\nsignature: unreadable', errors: [{ field: 'signature sha256:2222222222222222222222222222222222222222222222222222222222222222 layers[0]', message: 'cannot be read: the payload of layer 0' }] },
    { code: 'file /a\nsignature: none key', errors: [{ field: 'index.json', message: '--key was given, but the layout holds no signature of sha256:' }] },
  ],
});
