import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/runtime-env-recommended.js';

testRule(rule, {
  valid: [
    { name: 'all three', code: 'FROM python:3.12-slim\nENV PYTHONFAULTHANDLER=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1\n' },
    { name: 'Node has no further criterion', code: 'FROM node:22-slim\nCMD ["node", "a.js"]\n' },
  ],
  invalid: [
    {
      name: 'Python with only the hardened two',
      code: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1\n',
      errors: [{ line: 1, severity: 'info', message: 'PYTHONFAULTHANDLER=1, PIP_DISABLE_PIP_VERSION_CHECK=1' }],
      level: 'hardened',
    },
  ],
});
