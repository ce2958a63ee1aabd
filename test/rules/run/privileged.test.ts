import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/privileged.js';

testRule(rule, {
  valid: [
    { code: "docker run nginx:1.27\n" },
    { code: "docker run --privileged=false nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --privileged nginx:1.27\n", errors: [{ line: 1, column: 12, message: "runs privileged" }] },
    { code: "#!/bin/sh\nsudo docker run -d \\\n  --privileged \\\n  nginx:1.27\n", errors: [{ line: 3, column: 3 }] },
  ],
});
