import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/healthcheck-curl-no-fail.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD curl --fail http://127.0.0.1:9000/ready || exit 1\n' },
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD curl -sSf http://127.0.0.1:9000/ready\n', name: 'f in a cluster' },
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD ["curl", "--fail-with-body", "http://127.0.0.1:9000/"]\n', name: 'JSON form with --fail-with-body' },
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD curl -s http://127.0.0.1:9000/ready | grep -q ok\n', name: 'the answer is judged by grep' },
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD wget -q -O- http://127.0.0.1:9000/ready\n', name: 'wget fails on HTTP errors' },
    { code: 'FROM debian:12-slim\nHEALTHCHECK NONE\n', name: 'no check' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD curl -sS http://127.0.0.1:9000/ready || exit 1\n', errors: [{ line: 2, column: 17, message: 'without -f/--fail' }] },
    { code: 'FROM debian:12-slim\nHEALTHCHECK --interval=10s CMD ["curl", "-q", "http://127.0.0.1:9000/"]\n', errors: [{ line: 2 }], name: 'JSON form, -q only' },
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD ["sh", "-c", "curl -o /dev/null -s http://127.0.0.1:9000/ || exit 1"]\n', errors: [{ line: 2 }], name: 'inside sh -c; -o takes an argument' },
    { code: 'FROM debian:12-slim\nHEALTHCHECK CMD /usr/bin/curl -sof http://127.0.0.1:9000/\n', errors: [{ line: 2 }], name: 'f after o is the output file name' },
  ],
});
