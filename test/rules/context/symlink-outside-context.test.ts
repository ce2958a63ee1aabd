import '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/symlink-outside-context.js';

testRule(rule, {
  valid: [
    { name: 'relative link inside the context', code: 'FROM alpine\nCOPY conf /etc/app\n=== conf/app.conf -> defaults.conf\n=== conf/defaults.conf\nport=1\n' },
    { name: 'link outside the context but not copied', code: 'FROM alpine\nCOPY conf /etc/app\n=== conf/a.conf\n1\n=== dev.conf -> /home/dev/app.conf\n' },
  ],
  invalid: [
    { name: 'absolute link', code: 'FROM alpine\nCOPY conf /etc/app\n=== conf/app.conf -> /home/dev/app.conf\n', errors: [{ path: 'conf/app.conf', line: 1, message: 'as a link to /home/dev/app.conf' }] },
    { name: 'relative link leaving the context', code: 'FROM alpine\nCOPY . /app\n=== .dockerignore\n.git\n=== shared -> ../shared/config\n', errors: [{ path: 'shared', line: 1, message: '../shared/config' }] },
  ],
});
