import { defineRule } from '../../engine/types.js';
import { argRange, runs, unpinnedMessage } from './util/runs.js';
import { pipPinned, pkgCall } from './util/packages.js';

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
    for (const run of runs(model)) {
      if (!([...run.names].some((n) => n.startsWith('pip') || n.startsWith('python')))) continue;
      for (const cmd of run.cmds) {
        const call = pkgCall(cmd);
        if (!call || call.manager !== 'pip' || call.sub !== 'install') continue;
        const unpinned = call.operands.filter((o) => o.value !== '' && !o.value.includes('$') && !pipPinned(o.value));
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0]!.index),
          message: unpinnedMessage('pip requirement', unpinned, 'use name==version or a pinned requirements file'),
        });
      }
    }
  },
});
