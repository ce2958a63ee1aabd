import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/yarn-cache-not-cleaned.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'cache mount', code: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    { name: 'tmpfs mount in another home', code: 'FROM node:22\nRUN --mount=type=tmpfs,target=/home/node/.cache/yarn yarn install\n' },
    { name: 'rm of the cache folder', code: 'FROM node:22\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n' },
    { name: 'not an install', code: 'FROM node:22\nRUN yarn --version && yarn build && yarn run lint\n' },
    { name: 'builder stage not used later', code: 'FROM node:22 AS build\nRUN yarn install\nFROM node:22-slim\nCOPY --from=build /app /app\n' },
  ],
  invalid: [
    { code: 'FROM node:22\nRUN yarn install\n', errors: [{ line: 2, column: 5, endColumn: 17, message: 'yarn cache clean' }] },
    { name: 'clean before the install', code: 'FROM node:22\nRUN yarn cache clean && yarn add left-pad@1.3.0\n', errors: [{ line: 2, column: 25, message: '`yarn add`' }] },
    { name: 'cache mount elsewhere', code: 'FROM node:22\nRUN --mount=type=cache,target=/var/lib/foobar yarn\n', errors: [{ line: 2, column: 47, message: '`yarn`' }] },
    { name: 'final stage built FROM the stage', code: 'FROM node:22 AS deps\nRUN yarn install\nFROM deps\nCMD ["node", "."]\n', errors: [{ line: 2 }] },
    { name: 'yarn global add', code: 'FROM node:22\nRUN yarn global add @vue/cli@5.0.8\n', errors: [{ line: 2, column: 5, message: '`yarn global add`' }] },
    { name: 'ONBUILD RUN', code: 'FROM node:22\nONBUILD RUN yarn install\n', errors: [{ line: 2, column: 13 }] },
  ],
});
