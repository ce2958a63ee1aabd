import { defineRule } from '../../engine/types.js';
import { describeMissing, envGaps, RECOMMENDED_ENV } from './util/runtime-env.js';

export default defineRule({
  id: 'dockerfile/runtime-env-recommended',
  target: 'dockerfile',
  title: 'A Python final stage lacks the further variables the course recommends',
  severity: 'info',
  level: null,
  rationale:
    'Course practice "safe environment variables", its full list for Python: beside the two hardened criteria ' +
    '(dockerfile/runtime-env-missing) it sets PYTHONFAULTHANDLER=1 (a crash in native code still prints the Python ' +
    'traceback), PIP_NO_CACHE_DIR=1 (pip leaves no download cache in the image) and PIP_DISABLE_PIP_VERSION_CHECK=1 ' +
    '(pip does not reach the network to look for a newer pip). They help operations and image size more than ' +
    'security, so they are a recommendation and do not change the level. The language is detected as for ' +
    'dockerfile/runtime-env-missing; Node.js has no further criterion.',
  remediation: 'Add them to the final stage\'s ENV: `ENV PYTHONFAULTHANDLER=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1`.',
  references: [
    'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONFAULTHANDLER',
    'https://pip.pypa.io/en/stable/topics/configuration/#environment-variables',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nCMD ["python", "-m", "app"]\n',
    good: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONFAULTHANDLER=1 \\\n    PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1\nCMD ["python", "-m", "app"]\n',
  },
  check(model, ctx) {
    for (const gap of envGaps(model, RECOMMENDED_ENV)) {
      ctx.report({ message: `Python image (${gap.why}): consider ${describeMissing(gap)}.`, range: gap.range });
    }
  },
});
