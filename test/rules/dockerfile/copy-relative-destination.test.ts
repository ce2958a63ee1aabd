import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/copy-relative-destination.js';

testRule(rule, {
  valid: [
    { name: 'absolute', code: 'FROM debian:12\nCOPY app.sh /usr/local/bin/app.sh\n' },
    { name: 'quoted absolute', code: 'FROM debian:12\nCOPY app.sh "/srv/app.sh"\n' },
    { name: 'after WORKDIR', code: 'FROM debian:12\nWORKDIR /srv\nCOPY app.sh ./\n' },
    { name: 'WORKDIR in the base stage', code: 'FROM debian:12 AS base\nWORKDIR /srv\nFROM debian:12 AS other\nRUN true\nFROM base\nCOPY app.sh app.sh\n' },
    { name: 'windows drive', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.ps1 c:\\tools\\app.ps1\n' },
    { name: 'windows drive, forward slashes', code: 'FROM debian:12\nCOPY app.sh d:/tools/app.sh\n' },
    { name: 'variable destination', code: 'FROM debian:12\nARG DEST=/srv\nCOPY app.sh ${DEST}\n' },
    { name: 'JSON form, absolute', code: 'FROM debian:12\nCOPY ["a b.sh", "/srv/"]\n' },
    { name: 'ONBUILD COPY runs in a later build', code: 'FROM debian:12\nONBUILD COPY . src\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nCOPY app.sh app.sh\n', errors: [{ line: 2, column: 13, endColumn: 19, message: 'relative destination `app.sh`' }] },
    { name: 'dot', code: 'FROM node:22\nCOPY package.json ./\nWORKDIR /app\nCOPY . .\n', errors: [{ line: 2, column: 19, message: '`./`' }] },
    { name: 'WORKDIR of an unrelated stage', code: 'FROM debian:12 AS one\nWORKDIR /srv\nFROM debian:12\nCOPY a b\n', errors: [{ line: 4, column: 8 }] },
    { name: 'quoted', code: 'FROM debian:12\nCOPY a "dir/b"\n', errors: [{ line: 2, column: 8, endColumn: 15 }] },
  ],
});
