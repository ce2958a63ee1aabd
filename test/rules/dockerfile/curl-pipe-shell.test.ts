import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/curl-pipe-shell.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\n' },
    { name: 'a download checked by sha512sum -c, then run from its file', code: 'FROM debian:12\nRUN curl --fail -sSLo /tmp/i.sh https://x/i.sh && echo "$SUM  /tmp/i.sh" | sha512sum -c - && bash /tmp/i.sh\n' },
    { name: 'a digest piped into a checker, not a shell', code: 'FROM debian:12\nRUN curl -fsSL https://x/i.sh | sha256sum -c sums && curl -fsSL https://x/k.asc | gpg --dearmor -o /k.gpg\n' },
    { name: 'piped into tar is another rule', code: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n' },
    { name: 'python reading JSON from stdin with -c', code: "FROM python:3.12\nRUN curl -s https://api/x | python3 -c 'import json,sys; print(json.load(sys.stdin))'\n" },
    { name: 'shell running a local script, stdin is data', code: 'FROM debian:12\nRUN curl -s https://x/data | bash ./consume.sh\n' },
    { name: 'download to file then grep', code: 'FROM debian:12\nRUN wget -O /tmp/x https://x/y && grep foo /tmp/x\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSL https://x/install.sh | sh\n', errors: [{ line: 2, column: 5, endColumn: 9, message: 'piped into sh', severity: 'error' }] },
    { name: 'wget -O- into sudo bash', code: 'FROM debian:12\nRUN wget -qO- https://x/i.sh | sudo bash -s -- --yes\n', errors: [{ line: 2, column: 5, message: 'sudo bash' }] },
    {
      name: 'continuation, tee in between',
      code: 'FROM debian:12\nRUN set -e; \\\n    curl -sL https://deb.nodesource.com/setup_20.x \\\n    | tee /tmp/s | bash -\n',
      errors: [{ line: 3, column: 5 }],
    },
    { name: 'inside sh -c', code: 'FROM debian:12\nRUN sh -c "curl -s https://x/i.sh | sh"\n', errors: [{ line: 2, column: 12 }] },
    { name: 'command substitution', code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x/install.sh)"\n', errors: [{ line: 2 }] },
    { name: 'bash -e still runs stdin', code: 'FROM debian:12\nRUN curl -fsSL https://x/i.sh | bash -ex\n', errors: [{ line: 2, column: 5 }] },
    { name: 'source <(curl …)', code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN source <(curl -fsSL https://x/env.sh) && make\n', errors: [{ line: 3 }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://x/i.py | python3\nEOF\n', errors: [{ line: 4, column: 1 }] },
  ],
});
