import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/schema-violation.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n    x-note: anything\n' },
    { name: 'lifecycle hooks of current compose (pre_start, post_start, pre_stop)', code: 'services:\n  app:\n    image: busybox:1.36\n    pre_start:\n      - command: ["sh", "-c", "echo prepare"]\n    post_start:\n      - command: ["echo", "started"]\n        user: root\n    pre_stop:\n      - command: ["echo", "stopping"]\n' },
    { name: 'build attestations and no_cache_filter', code: 'services:\n  app:\n    build:\n      context: .\n      provenance: true\n      sbom: "generator=image"\n      no_cache_filter: [deps]\n' },
    { name: 'an unset variable is not a schema error too', code: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["${A}:80", "${B}:81"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read-only: true\n', errors: [{ line: 4, column: 5, message: 'not a compose key' }] },
    { name: 'a hook key that is not one', code: 'services:\n  app:\n    image: busybox:1.36\n    pre_start:\n      - command: ["true"]\n        run_as: root\n', errors: [{ line: 6, column: 9, message: 'not a compose key' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_drop: ALL\n', errors: [{ line: 4, column: 5, message: 'must be array' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    restart: sometimes\n    ports:\n      - target: 80\n        published: 80\n        wrong: 1\n', errors: [{ line: 8, column: 9 }] },
  ],
});
