import '../../helpers/context-loader.js';
import { testRule, TEST_PATH } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/no-dockerignore.js';

testRule(rule, {
  valid: [
    { name: 'named files only', code: 'FROM node:22\nCOPY package.json index.js /app/\n=== package.json\n{}\n=== index.js\n1\n' },
    { name: '.dockerignore present', code: 'FROM node:22\nCOPY . .\n=== .dockerignore\n.git\n=== index.js\n1\n' },
    { name: 'the Dockerfile\'s own ignore file counts', code: 'FROM node:22\nCOPY . .\n=== Dockerfile.dockerignore\n.git\n=== index.js\n1\n' },
    { name: 'a sub-folder is not the whole context', code: 'FROM node:22\nCOPY src/ /app/\n=== src/index.js\n1\n' },
  ],
  invalid: [
    { name: 'COPY . .', code: 'FROM node:22\nWORKDIR /app\nCOPY . .\n=== index.js\n1\n', errors: [{ path: TEST_PATH, line: 3, column: 1, endColumn: 9, message: 'no .dockerignore' }] },
    { name: 'COPY ./ and ADD / in two stages', code: 'FROM node:22 AS a\nCOPY ./ /src/\nFROM node:22\nADD / /app/\n=== index.js\n1\n', errors: [{ line: 2 }, { line: 4, message: 'ADD sends the whole build context (2 files)' }] },
    { name: 'an ignore file with only comments', code: 'FROM node:22\nCOPY . .\n=== .dockerignore\n# nothing yet\n', errors: [{ line: 2, message: 'excludes nothing' }] },
  ],
});
