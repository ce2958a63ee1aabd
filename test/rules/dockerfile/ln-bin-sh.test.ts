import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/ln-bin-sh.js';

testRule(rule, {
  valid: [
    { name: 'other links', code: 'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\n' },
    { name: '/bin/sh as an argument of another command', code: 'FROM debian:12\nRUN ln -s a b && printf "%s" /bin/sh\n' },
    { name: 'SHELL', code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo ok\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n', errors: [{ line: 2, column: 23, endColumn: 30, message: 'use the SHELL instruction' }] },
    { name: 'merged /usr', code: 'FROM debian:12\nRUN rm /usr/bin/sh && ln -s /usr/bin/dash /usr/bin/sh\n', errors: [{ line: 2, message: '/usr/bin/sh' }] },
  ],
});
