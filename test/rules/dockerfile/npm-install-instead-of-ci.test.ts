import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/npm-install-instead-of-ci.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nCOPY package*.json ./\nRUN npm ci\n' },
    { name: 'named packages are another rule', code: 'FROM node:22\nRUN npm install -g pm2@5.4.2\n' },
    { name: 'yarn frozen', code: 'FROM node:22\nRUN yarn install --frozen-lockfile\n' },
    { name: 'pnpm frozen', code: 'FROM node:22\nRUN pnpm install --frozen-lockfile\n' },
    { name: 'yarn build is not an install', code: 'FROM node:22\nRUN yarn build\n' },
    { name: 'yarn --version and yarn run install nothing', code: 'FROM node:22\nRUN yarn --version && yarn run test && yarn -v\n' },
    { name: 'pnpm with CI set (inline or ENV) freezes the lockfile', code: 'FROM node:22\nENV CI=true\nRUN pnpm install && CI=1 pnpm i\n' },
    { name: 'bun frozen', code: 'FROM oven/bun:1\nRUN bun install --frozen-lockfile\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev\n',
      errors: [{ line: 3, column: 5, endColumn: 16, message: 'use npm ci' }],
    },
    {
      name: 'only package.json copied',
      code: 'FROM node:22\nCOPY package.json ./\nRUN npm i\n',
      errors: [{ line: 3, column: 5, message: 'without a lockfile' }],
    },
    { name: 'yarn bare', code: 'FROM node:22\nRUN yarn && yarn build\n', errors: [{ line: 2, column: 5, message: 'frozen-lockfile' }] },
    { name: 'pnpm without CI or --frozen-lockfile', code: 'FROM node:22\nRUN pnpm install\n', errors: [{ line: 2, column: 5, endColumn: 17, message: 'pnpm install --frozen-lockfile' }] },
    { name: 'CI=0 does not freeze', code: 'FROM node:22\nRUN CI=0 pnpm install\n', errors: [{ line: 2, message: 'frozen-lockfile' }] },
    { name: 'bun install', code: 'FROM oven/bun:1\nRUN bun install\n', errors: [{ line: 2, column: 5, endColumn: 16, message: 'bun install --frozen-lockfile' }] },
    { name: 'sudo, sh -c, continuation', code: 'FROM node:22\nRUN echo hi \\\n && sudo sh -c "npm install"\n', errors: [{ line: 3, column: 17 }] },
    { name: 'heredoc', code: 'FROM node:22\nCOPY . .\nRUN <<EOF\nnpm install\nEOF\n', errors: [{ line: 4, column: 1 }] },
  ],
});
