import '../../helpers/scan-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/scan/report-mismatch.js';
import { trivyExample, EXAMPLE_IMAGE_ID } from '../../../src/rules/scan/examples.js';

// the loader checks reports against registry.example/shop/api:1.4.2 with EXAMPLE_IMAGE_ID
testRule(rule, {
  valid: [
    { code: trivyExample() },
    // another tag of the same image ID is the same image
    { code: trivyExample({ name: 'registry.example/shop/api:stable', imageId: EXAMPLE_IMAGE_ID }) },
  ],
  invalid: [
    // the same name, another build: the image ID decides
    { code: trivyExample({ imageId: 'sha256:1111111111111111111111111111111111111111111111111111111111111111' }), errors: [{ field: 'artifact', message: "image ID sha256:1111" }] },
  ],
});
