import '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/file-not-scanned.js';

// A file just above the 1 MiB scan limit, built at run time.
const big = `FROM alpine\nCOPY data /data\n=== data/dump.sql\n${'x'.repeat(1024 * 1024 + 10)}\n`;

testRule(rule, {
  valid: [
    { name: 'small readable files', code: 'FROM alpine\nCOPY data /data\n=== data/a.txt\n1\n' },
    { name: 'an unreadable file that is excluded is never read', code: 'FROM alpine\nCOPY data /data\n=== .dockerignore\ndata/secret.bin\n=== data/secret.bin [unreadable]\n=== data/a.txt\n1\n' },
  ],
  invalid: [
    { name: 'above the size limit', code: big, errors: [{ path: 'data/dump.sql', line: 1, message: 'above the 1.0 MiB scan limit', severity: 'info' }] },
    { name: 'unreadable (named fake: root can read any file)', code: 'FROM alpine\nCOPY data /data\n=== data/secret.bin [unreadable]\n', errors: [{ path: 'data/secret.bin', line: 1, message: 'cannot be read (EACCES)', severity: 'warning' }] },
  ],
});
