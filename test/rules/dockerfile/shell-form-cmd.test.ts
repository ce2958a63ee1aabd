import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/shell-form-cmd.js';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { lintSnippet } from '../../helpers/rule-tester.js';

it('shell-form-cmd: the fix is a suggestion (a base image ENTRYPOINT may take the command either way)', async () => {
  const safety = async (code: string) => (await lintSnippet(rule, { code })).map((f) => f.fix?.safe ?? null);
  assert.deepEqual(await safety('FROM node:22\nCMD node server.js\n'), [false]);
  assert.deepEqual(await safety('FROM node:22\nENTRYPOINT ["tini", "--"]\nCMD node server.js\n'), [false]);
  assert.deepEqual(await safety('FROM node:22\nENTRYPOINT node server.js\nCMD --port 80\n'), [false, false]);
  assert.deepEqual(await safety('FROM node:22\nENTRYPOINT node server.js\n'), [false]);
  assert.deepEqual(await safety('FROM node:22\nCMD node server.js | tee log\n'), [null]);
});

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nCMD ["node", "server.js"]\n' },
    { code: 'FROM node:22\nENTRYPOINT ["tini", "--"]\n' },
    { code: 'FROM node:22\nCMD exec node server.js\n', name: 'exec hands PID 1 to the app' },
    { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ping -t localhost\n', name: 'Windows base image' },
    { code: 'FROM mcr.microsoft.com/powershell:lts-debian-12\nSHELL ["pwsh", "-Command"]\nCMD Start-Server\n', name: 'non-POSIX SHELL' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD node server.js\n',
      errors: [{ line: 2, column: 5, message: '["node", "server.js"]' }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      code: 'FROM node:22\nENTRYPOINT /usr/local/bin/app --port 8000\n',
      errors: [{ line: 2, column: 12 }],
      output: 'FROM node:22\nENTRYPOINT ["/usr/local/bin/app", "--port", "8000"]\n',
    },
    {
      code: 'FROM node:22\nCMD node server.js --port $PORT\n', output: 'FROM node:22\nCMD node server.js --port $PORT\n',
      errors: [{ line: 2, column: 5 }],
      name: 'variables need the shell: no fix',
    },
    {
      code: 'FROM node:22\nENTRYPOINT ["tini", "--"]\nCMD node server.js\n', output: 'FROM node:22\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n',
      errors: [{ line: 3, column: 5 }],
      name: 'CMD after an ENTRYPOINT: suggestion only',
    },
    { code: 'FROM alpine:3.20\nARG APP=/app\nCMD ${APP} serve\n', output: 'FROM alpine:3.20\nARG APP=/app\nCMD ${APP} serve\n', errors: [{ line: 3, column: 5 }], name: 'ARG in the command' },
    { code: "FROM node:22\nCMD ['node', 'server.js']\n", output: "FROM node:22\nCMD ['node', 'server.js']\n", errors: [{ line: 2, column: 5, severity: 'error', message: 'not a valid JSON array' }], name: 'single-quoted array' },
    { code: 'FROM node:22\nENTRYPOINT ["node" "server.js"]\n', output: 'FROM node:22\nENTRYPOINT ["node" "server.js"]\n', errors: [{ line: 2, column: 12, severity: 'error' }], name: 'missing comma' },
    {
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ./run.sh\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ["./run.sh"]\n',
      name: 'bash SHELL still swallows signals',
    },
  ],
});
