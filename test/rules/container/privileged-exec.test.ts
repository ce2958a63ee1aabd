import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/privileged-exec.js';

testRule(rule, {
  valid: [
    { code: '{}' },
    { name: 'an exec as the container user', code: '{"execs":{"ok":true,"method":"inspect","value":[{"id":"abcdef0123456789","privileged":false,"user":"","command":"sh -c id","running":false}]}}' },
  ],
  invalid: [
    { name: 'privileged', code: '{"execs":{"ok":true,"method":"inspect","value":[{"id":"abcdef0123456789","privileged":true,"user":"","command":"sh","running":true}]}}', errors: [{ field: 'ExecIDs', severity: 'error', message: 'abcdef012345 (sh, running) runs privileged' }], level: 'root' },
    { name: 'as root', code: '{"execs":{"ok":true,"method":"inspect","value":[{"id":"e2","privileged":false,"user":"0:0","command":"bash","running":true}]}}', errors: [{ field: 'ExecIDs', severity: 'warning', message: 'runs as 0:0' }] },
    { name: 'not measured', code: '{"execs":{"ok":false,"reason":"inspect failed"}}', errors: [{ field: 'probe', message: 'exec sessions' }] },
  ],
});
