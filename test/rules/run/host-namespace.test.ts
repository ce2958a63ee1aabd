import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/host-namespace.js';

testRule(rule, {
  valid: [
    { code: "docker run --network=none nginx:1.27\n" },
    { code: "docker run --pid=container:app nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --net=host --pid host nginx:1.27\n", errors: [{ line: 1, column: 12, message: "network namespace" }, { line: 1, column: 23, message: "process (PID)" }] },
  ],
});
