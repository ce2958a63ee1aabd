import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/pip-no-cache-dir.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'ENV PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'assignment prefix', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'builder stage', code: 'FROM python:3.12 AS b\nRUN pip wheel -w /w flask && pip install flask\nFROM python:3.12-slim\nCOPY --from=b /w /w\n' },
    { name: 'not an install', code: 'FROM python:3.12\nRUN pip freeze\n' },
    { name: 'true values in any spelling: ENV, export, inherited ENV', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install a\nRUN export PIP_NO_CACHE_DIR=Yes && pip install b\n' },
    { name: 'ARG in force', code: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=true\nRUN pip install flask\n' },
    { name: 'cache mount in another home', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/home/app/.cache/pip pip install flask\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install flask\n',
      errors: [{ line: 2, column: 5, endColumn: 16 }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
    },
    {
      name: 'python -m pip, continuation',
      code: 'FROM python:3.12\nRUN python3 -m venv /v \\\n && /v/bin/python -m pip install \\\n      -r requirements.txt\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM python:3.12\nRUN python3 -m venv /v \\\n && /v/bin/python -m pip install --no-cache-dir \\\n      -r requirements.txt\n',
    },
    {
      name: 'ENV set after the RUN does not count; sudo',
      code: 'FROM python:3.12\nRUN sudo pip3 install flask\nENV PIP_NO_CACHE_DIR=1\n',
      errors: [{ line: 2, column: 10 }],
      output: 'FROM python:3.12\nRUN sudo pip3 install --no-cache-dir flask\nENV PIP_NO_CACHE_DIR=1\n',
    },
    ...['0', 'off', 'no', 'false'].map((v) => ({
      name: `ENV PIP_NO_CACHE_DIR=${v} keeps the cache`,
      code: `FROM python:3.12\nENV PIP_NO_CACHE_DIR=${v}\nRUN pip install flask\n`,
      errors: [{ line: 3, column: 5, endColumn: 16 }],
      output: `FROM python:3.12\nENV PIP_NO_CACHE_DIR=${v}\nRUN pip install --no-cache-dir flask\n`,
    })),
    {
      name: 'RUN PIP_NO_CACHE_DIR=off pip … keeps the cache',
      code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=off pip install flask\n',
      errors: [{ line: 2, column: 26 }],
      output: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=off pip install --no-cache-dir flask\n',
    },
    {
      name: 'export PIP_NO_CACHE_DIR=no keeps the cache',
      code: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=no && pip install flask\n',
      errors: [{ line: 2, column: 35 }],
      output: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=no && pip install --no-cache-dir flask\n',
    },
    {
      name: 'ENV in a stage that is not the base does not count',
      code: 'FROM python:3.12 AS other\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask\n',
      errors: [{ line: 4, column: 5 }],
      output: 'FROM python:3.12 AS other\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install --no-cache-dir flask\n',
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12\nRUN <<EOF\npip install -U pip\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM python:3.12\nRUN <<EOF\npip install --no-cache-dir -U pip\nEOF\n',
    },
  ],
});
