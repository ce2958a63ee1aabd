import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/sudo.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
    { code: 'FROM debian:12\nUSER root\nRUN mkdir /data\nUSER app\n' },
    { name: 'sudo in a string', code: 'FROM debian:12\nRUN echo "app ALL=(ALL) NOPASSWD: /usr/bin/sudo" > /tmp/x\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN sudo mkdir /data\n', errors: [{ line: 2, column: 5, endColumn: 9, severity: 'error' }] },
    { name: 'sudo -u app sh -c: one finding for the sudo word, advice to switch USER', code: 'FROM debian:12\nRUN sudo -u app sh -c \'mkdir /a && touch /a/b && ls /a\'\n', errors: [{ line: 2, column: 5, message: 'USER app' }] },
    { name: 'ONBUILD RUN sudo is audited', code: 'FROM debian:12\nONBUILD RUN sudo make install\n', errors: [{ line: 2, column: 13, message: 'make' }] },
    { name: 'options, continuation', code: 'FROM debian:12\nRUN echo a \\\n && sudo -u app -E make install\n', errors: [{ line: 3, column: 5, message: 'make' }] },
    { name: 'sh -c', code: 'FROM debian:12\nRUN sh -c "sudo chown app /data"\n', errors: [{ line: 2, column: 12 }] },
    { name: 'heredoc, two', code: 'FROM debian:12\nRUN <<EOF\nsudo apt-get update\nsudo apt-get install -y x\nEOF\n', errors: [{ line: 3, column: 1 }, { line: 4, column: 1 }] },
    { name: 'JSON form: the sudo literal', code: 'FROM debian:12\nRUN ["sudo", "mkdir", "/data"]\n', errors: [{ line: 2, column: 6, endColumn: 12 }] },
    { name: 'JSON form, -u', code: 'FROM debian:12\nRUN ["sudo", "-E", "--user", "app", "make"]\n', errors: [{ line: 2, column: 6, endColumn: 12, message: 'USER app' }] },
    { name: 'bare sudo -u', code: 'FROM debian:12\nRUN sudo -uapp\n', errors: [{ line: 2, column: 5, endColumn: 9, message: 'sudo -u app in RUN' }] },
    {
      name: 'inside a sh -c script built with escapes',
      code: 'FROM debian:12\nRUN sh -c "echo \\"x\\" && sudo -u app make"\n',
      errors: [{ line: 2, column: 26, endColumn: 30, message: 'USER app' }],
    },
    { name: 'in backticks', code: 'FROM debian:12\nRUN echo `sudo id -u`\n', errors: [{ line: 2, column: 11, endColumn: 15 }] },
    { name: 'sudo sudo: the one nearest the command', code: 'FROM debian:12\nRUN sudo -u app sudo make\n', errors: [{ line: 2, column: 17, endColumn: 21 }] },
    { name: 'bare sudo', code: 'FROM debian:12\nRUN sudo -v\n', errors: [{ line: 2, column: 5 }] },
  ],
});
