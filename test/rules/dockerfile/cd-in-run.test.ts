import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/cd-in-run.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nWORKDIR /src\nRUN make\n' },
    { name: 'subshell', code: 'FROM debian:12\nRUN (cd /src && make) && make -C /other\n' },
    { name: 'command substitution', code: 'FROM debian:12\nRUN DIR=$(cd /src && pwd) && echo $DIR\n' },
    { name: 'later in a chain', code: 'FROM debian:12\nRUN git clone https://x/r /r && cd /r && make\n' },
    { name: 'cd alone at the end', code: 'FROM debian:12\nRUN cd /\n' },
    { name: 'cd -', code: 'FROM debian:12\nRUN cd - && ls\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN cd /src && make\n', errors: [{ line: 2, column: 5, endColumn: 12, message: 'WORKDIR /src' }] },
    { name: 'after set -e;', code: 'FROM debian:12\nRUN set -eux; \\\n    cd /src; \\\n    make\n', errors: [{ line: 3, column: 5 }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\ncd /app\nnpm ci\nEOF\n', errors: [{ line: 3, column: 1 }] },
  ],
});
