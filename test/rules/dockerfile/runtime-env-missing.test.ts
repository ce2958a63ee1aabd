import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/runtime-env-missing.js';

testRule(rule, {
  valid: [
    { name: 'Python with both', code: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\nCMD ["python", "-m", "svc"]\n', level: 'hardened' },
    { name: 'set in the chain base stage', code: 'FROM python:3.12-slim AS base\nENV PYTHONDONTWRITEBYTECODE=yes PYTHONUNBUFFERED=yes\nFROM base\nCMD ["gunicorn", "svc:app"]\n' },
    { name: 'Node in production', code: 'FROM node:22-slim\nENV NODE_ENV=production\nCMD ["node", "server.js"]\n' },
    { name: 'a Go binary on Debian', code: 'FROM debian:12-slim\nCOPY svc /usr/local/bin/svc\nCMD ["svc"]\n' },
    { name: 'a Python builder stage does not make the final image Python', code: 'FROM python:3.12 AS docs\nRUN pip install mkdocs && mkdocs build\nFROM nginx:1.27\nCOPY --from=docs /site /usr/share/nginx/html\n' },
    { name: 'a value from a variable is not judged', code: 'FROM node:22-slim\nENV NODE_ENV=$MODE\nCMD ["node", "a.js"]\n' },
    { name: 'a file named for Python that builds Go', code: 'FROM golang:1.23\nCMD ["go", "run", "."]\n' },
  ],
  invalid: [
    { name: 'Python base image, nothing set', code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n', errors: [{ line: 1, column: 6, message: 'PYTHONDONTWRITEBYTECODE=1, PYTHONUNBUFFERED=1' }], level: 'nonroot' },
    { name: 'one of the two', code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\n', errors: [{ line: 1, message: 'without PYTHONDONTWRITEBYTECODE=1;' }] },
    { name: 'Python installed on Debian and started by CMD', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3\nCMD ["python3", "/srv/app.py"]\n', errors: [{ line: 1, message: 'apt-get install python3' }] },
    { name: 'Python found by its CMD alone', code: 'FROM gcr.io/distroless/base-debian12\nCOPY --from=b /venv /venv\nCMD ["/venv/bin/uvicorn", "svc:app"]\n', errors: [{ line: 1, message: 'CMD runs uvicorn' }] },
    { name: 'Node in development mode', code: 'FROM node:22-slim\nENV NODE_ENV=development\nCMD ["node", "server.js"]\n', errors: [{ line: 2, column: 5, message: 'NODE_ENV=production (it is development)' }] },
    { name: 'Node installed with apk, started with npm', code: 'FROM alpine:3.20\nRUN apk add --no-cache nodejs npm\nCMD npm start\n', errors: [{ line: 1, message: 'Node.js' }] },
  ],
});
