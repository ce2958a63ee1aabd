import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/npm-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nRUN npm install -g pm2@5.4.2 @angular/cli@18.2.0\n' },
    { code: 'FROM node:22\nRUN npm ci && npm install\n' },
    { name: 'git URL with a ref, tarballs, a path', code: 'FROM node:22\nRUN npm install git+https://github.com/npm/cli.git#v10.8.0 ./pkg.tgz pkg-v1.2.3.tar ../lib\n' },
  ],
  invalid: [
    { code: 'FROM node:22\nRUN npm install -g pm2\n', errors: [{ line: 2, column: 20, endColumn: 23, message: '(global): pm2', severity: 'info' }] },
    { name: '@latest and scoped without version', code: 'FROM node:22\nRUN npm i express@latest @nestjs/cli\n', errors: [{ line: 2, column: 11, message: 'express@latest, @nestjs/cli' }] },
    { name: 'continuation, sudo', code: 'FROM node:22\nRUN npm ci \\\n && sudo npm install --global \\\n      typescript\n', errors: [{ line: 4, column: 7 }] },
    { name: 'git URLs without a ref', code: 'FROM node:22\nRUN npm install git+ssh://git@github.com:npm/npm.git git://github.com/npm/npm.git\n', errors: [{ line: 2, column: 17, message: 'git+ssh://git@github.com:npm/npm.git, git://github.com/npm/npm.git' }] },
    { name: 'heredoc', code: 'FROM node:22\nRUN <<EOF\nnpm add lodash\nEOF\n', errors: [{ line: 3, column: 9 }] },
  ],
});
