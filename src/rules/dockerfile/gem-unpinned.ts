import { defineRule } from '../../engine/types.js';
import { argRange, unpinnedMessage } from './util/runs.js';
import { pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/gem-unpinned',
  target: 'dockerfile',
  title: 'gem install without versions',
  severity: 'info',
  level: null,
  rationale:
    '`gem install rails` installs whatever rubygems.org serves on the day of the build: two builds of one commit can ' +
    'differ, and a rebuild can pull a broken or hijacked release. A version on the command line (`rails:7.1.3`, or ' +
    '`-v 7.1.3` for the gems of the command) or a Gemfile.lock installed with `bundle install` makes the install ' +
    'reproducible.',
  remediation: 'Pin the version: `gem install bundler:2.5.6` or `gem install bundler -v 2.5.6`; install the application\'s gems from its Gemfile.lock with `bundle install`.',
  references: ['https://guides.rubygems.org/command-reference/#gem-install'],
  equivalents: { hadolint: ['DL3028'] },
  examples: {
    bad: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
    good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.6\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'gem')) {
      for (const call of run.calls) {
        if (call.tool !== 'gem' || call.verb !== 'install') continue;
        const unpinned = call.packages.filter((p) => !p.pinned);
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, call.cmd, unpinned[0].index),
          message: unpinnedMessage('gem', unpinned, 'use name:version or -v version'),
        });
      }
    }
  },
});
