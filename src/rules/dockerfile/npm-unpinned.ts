import { defineRule } from '../../engine/types.js';
import { argRange, unpinnedMessage } from './util/runs.js';
import { pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/npm-unpinned',
  target: 'dockerfile',
  title: 'npm install of named packages without versions',
  severity: 'info',
  level: null,
  rationale:
    '`npm install -g typescript` or `npm install express` outside the lockfile installs whatever the registry ' +
    'serves as latest on the day of the build, with all its transitive dependencies: builds differ, and a ' +
    'hijacked or typosquatted release goes straight into the image. Global tools are the usual case.',
  remediation: 'Pin the version (`npm install -g typescript@5.6.3`), or add the package to package.json and install from the lockfile with `npm ci`.',
  references: ['https://docs.npmjs.com/cli/commands/npm-install', 'https://docs.npmjs.com/cli/commands/npm-ci'],
  equivalents: {
    hadolint: ['DL3016'],
    kics: ['NPM Install Command Without Pinned Version'],
  },
  examples: {
    bad: 'FROM node:22-slim\nRUN npm install -g pm2\n',
    good: 'FROM node:22-slim\nRUN npm install -g pm2@5.4.2\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'npm')) {
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (call.tool !== 'npm' || call.verb !== 'install') continue;
        const unpinned = call.packages.filter((p) => !p.pinned);
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0].index),
          message: unpinnedMessage('npm package', unpinned, 'use name@version', call.global ? ' (global)' : ''),
        });
      }
    }
  },
});
