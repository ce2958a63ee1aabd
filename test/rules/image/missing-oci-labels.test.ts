import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/missing-oci-labels.js';

testRule(rule, {
  valid: [
    { code: "label: org.opencontainers.image.source=https://x.example\nlabel: org.opencontainers.image.version=1" },
  ],
  invalid: [
    { code: "user: 1", errors: [{ field: 'config.Labels', message: "org.opencontainers.image.source, org.opencontainers.image.version" }] },
    { code: "label: org.opencontainers.image.source=https://x.example", errors: [{ field: 'config.Labels', message: "missing OCI label org.opencontainers.image.version" }] },
  ],
});
