import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/copy-several-sources-no-slash.js';

testRule(rule, {
  valid: [
    { name: 'one source', code: 'FROM debian:12\nCOPY a.conf /etc/app.conf\n' },
    { name: 'slash', code: 'FROM debian:12\nCOPY a.conf b.conf /etc/app/\n' },
    { name: 'quoted slash', code: 'FROM debian:12\nCOPY a.conf b.conf "/etc/app/"\n' },
    { name: 'variable ending in a slash', code: 'FROM debian:12\nARG DEST=/etc/app/\nCOPY a.conf b.conf $DEST\n' },
    { name: 'unknown variable', code: 'FROM debian:12\nCOPY a.conf b.conf $DEST\n' },
    { name: 'JSON form', code: 'FROM debian:12\nCOPY ["a.conf", "b.conf", "/etc/app/"]\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nCOPY a.conf b.conf /etc/app\n', errors: [{ line: 2, column: 20, endColumn: 28, severity: 'error', message: 'COPY of 2 sources to `/etc/app`' }] },
    { name: 'quoted', code: 'FROM debian:12\nCOPY a b "dir"\n', errors: [{ line: 2, column: 10 }] },
    { name: 'ADD, JSON form', code: 'FROM debian:12\nADD ["a", "b", "c", "/opt"]\n', errors: [{ line: 2, column: 21, message: 'ADD of 3 sources' }] },
    { name: 'continued', code: 'FROM debian:12\nCOPY a \\\n  b \\\n  /opt\n', errors: [{ line: 4, column: 3, endColumn: 7 }] },
  ],
});
