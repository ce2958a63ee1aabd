import { defineRule } from '../../engine/types.js';
import { describeMissing, envGaps, HARDENED_ENV } from './util/runtime-env.js';

export default defineRule({
  id: 'dockerfile/runtime-env-missing',
  target: 'dockerfile',
  title: 'The final stage lacks the safe runtime variables of its language',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "safe environment variables": the course\'s hardened image sets `ENV PYTHONDONTWRITEBYTECODE=1 ' +
    'PYTHONUNBUFFERED=1` and its comparison table lists "safe variables" among what only the hardened level has. ' +
    'The criteria per language: ' +
    'Python — PYTHONDONTWRITEBYTECODE (no .pyc files written beside the code at run time, which a read-only or ' +
    'non-root image cannot write anyway and which would otherwise change the image\'s files) and PYTHONUNBUFFERED ' +
    '(output goes to the log at once instead of being lost in a buffer when the process is killed), each set to a ' +
    'non-empty value, as Python reads them. ' +
    'Node.js — NODE_ENV=production (Express and most frameworks otherwise run in development mode: stack traces in ' +
    'error pages, templates recompiled, verbose logging). ' +
    'The language is read from the final stage chain, not from the file name: a base image of the language ' +
    '(python:*, pypy:*, node:*, distroless python3/nodejs), a runtime package it installs (python3, nodejs), or a ' +
    'program its RUN, CMD or ENTRYPOINT starts (python, pip, gunicorn, uvicorn; node, npm, yarn). A value that is ' +
    'still a variable is not judged. The further Python variables the course recommends are ' +
    'dockerfile/runtime-env-recommended.',
  remediation:
    'Set them in the final stage: `ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1` for Python, ' +
    '`ENV NODE_ENV=production` for Node.js.',
  references: [
    'https://docs.python.org/3/using/cmdline.html#environment-variables',
    'https://nodejs.org/en/learn/getting-started/nodejs-the-difference-between-development-and-production',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM python:3.12-slim\nCOPY app.py /app/app.py\nCMD ["python", "/app/app.py"]\n',
    good: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nCOPY app.py /app/app.py\nCMD ["python", "/app/app.py"]\n',
  },
  check(model, ctx) {
    for (const gap of envGaps(model, HARDENED_ENV)) {
      ctx.report({
        message: `The final image runs ${gap.language === 'python' ? 'Python' : 'Node.js'} (${gap.why}) without ${describeMissing(gap)}; set ${gap.missing.length > 1 ? 'them' : 'it'} with ENV in the final stage.`,
        range: gap.range,
      });
    }
  },
});
