import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/world-writable.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN chmod 755 /app && chmod -R u+rwX,go-w /data\n' },
    { name: 'sticky bit', code: 'FROM debian:12\nRUN mkdir -p /scratch && chmod 1777 /scratch && chmod a+rwxt /tmp2\n' },
    { name: 'removing write', code: 'FROM debian:12\nRUN chmod o-w /app && chmod -R a-w /etc/app\n' },
    { name: 'COPY --chmod 644', code: 'FROM debian:12\nCOPY --chmod=644 a /a\n' },
    { name: 'variable mode', code: 'FROM debian:12\nRUN chmod $MODE /a\n' },
    { name: 'scratch directory removed in the same RUN', code: 'FROM debian:12\nRUN d="$(mktemp -d)" && chmod 777 "$d" && make -C "$d" && rm -rf "$d"\n' },
    { name: 'umask-dependent +w', code: 'FROM debian:12\nRUN chmod +w /a\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN chmod 777 /app\n', errors: [{ line: 2, column: 11, endColumn: 14, severity: 'error' }] },
    { name: '-R, continuation', code: 'FROM debian:12\nRUN mkdir /data \\\n && chmod -R 0777 \\\n      /data\n', errors: [{ line: 3, column: 14, message: '/data' }] },
    { name: 'symbolic o+w and a+rw', code: 'FROM debian:12\nRUN chmod o+w /a; chmod a+rw /b\n', errors: [{ line: 2, column: 11 }, { line: 2, column: 25 }] },
    { name: '666 after the path, sudo', code: 'FROM debian:12\nRUN sudo chmod 666 /etc/app.conf\n', errors: [{ line: 2, column: 16 }] },
    { name: 'COPY --chmod', code: 'FROM debian:12\nCOPY --chmod=777 app /app\n', errors: [{ line: 2, column: 6 }] },
    { name: 'mkdir -m and find -exec chmod', code: 'FROM debian:12\nRUN mkdir -m 777 /d && find /app -type d -exec chmod 777 {} +\n', errors: [{ line: 2, column: 14 }, { line: 2 }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nchmod 777 /srv\nEOF\n', errors: [{ line: 3, column: 7 }] },
  ],
});
