import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/layer-digest-mismatch.js';

testRule(rule, {
  valid: [
    { code: "file /a\nlayer: RUN x\nfile /b" },
  ],
  invalid: [
    { code: "file /a\ntamper", errors: [{ field: 'layers[0]', layer: 0, message: "layer 0 hashes to" }] },
    { code: "file /a\nlayer: RUN x\nfile /b\ntamper", errors: [{ field: 'layers[1]', layer: 1, message: "layer 1 hashes to" }] },
  ],
});
