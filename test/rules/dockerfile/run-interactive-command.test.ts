import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/run-interactive-command.js';

testRule(rule, {
  valid: [
    { name: 'installing ssh', code: 'FROM debian:12\nRUN apt-get install -y openssh-client ssh\n' },
    { name: 'ssh-keyscan', code: 'FROM debian:12\nRUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n' },
    { name: 'not in RUN', code: 'FROM debian:12\nCMD ["top", "-b"]\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN top -b -n 1\n', errors: [{ line: 2, column: 5, endColumn: 8, severity: 'info', message: '`top` in RUN' }] },
    { name: 'service in a chain', code: 'FROM debian:12\nRUN apt-get install -y nginx && service nginx start\n', errors: [{ line: 2, column: 33, message: '`service`' }] },
    { name: 'through sudo', code: 'FROM debian:12\nRUN sudo mount -t tmpfs none /mnt\n', errors: [{ line: 2, message: '`mount`' }] },
  ],
});
