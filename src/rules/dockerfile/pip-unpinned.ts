import { defineRule } from '../../engine/types.js';
import { argRange, unpinnedMessage } from './util/runs.js';
import { hasOpt, pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/pip-unpinned',
  target: 'dockerfile',
  title: 'pip install of packages without exact versions',
  severity: 'info',
  level: null,
  rationale:
    '`pip install flask` installs whatever PyPI serves on the day of the build: two builds of one commit can differ, ' +
    'and a rebuild can pull a broken or malicious release (typosquats and hijacked releases are published all the ' +
    'time). A requirements or constraints file with `==` pins (ideally with `--require-hashes`) makes the install ' +
    'reproducible and reviewable.',
  remediation: 'Pin exact versions (`pip install flask==3.0.3`) or install from a pinned file: `pip install --no-cache-dir -r requirements.txt`.',
  references: ['https://pip.pypa.io/en/stable/topics/repeatable-installs/', 'https://pip.pypa.io/en/stable/topics/secure-installs/'],
  equivalents: {
    hadolint: ['DL3013'],
    kics: ['Unpinned Package Version in Pip Install'],
  },
  examples: {
    bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn\n',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'pip', 'pipx')) {
      for (const call of run.calls) {
        const cmd = call.cmd;
        if ((call.tool !== 'pip' && call.tool !== 'pipx') || call.sub !== 'install') continue;
        // a constraints file, --require-hashes or a requirements file decide the versions (as hadolint reads them)
        if (hasOpt(call, 'c', 'constraint', 'require-hashes', 'r', 'requirement')) continue;
        const unpinned = call.packages.filter((p) => !p.pinned);
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0].index),
          message: unpinnedMessage('pip requirement', unpinned, 'use name==version or a pinned requirements file'),
        });
      }
    }
  },
});
