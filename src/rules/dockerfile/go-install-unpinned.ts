import { defineRule } from '../../engine/types.js';
import { argRange, unpinnedMessage } from './util/runs.js';
import { pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/go-install-unpinned',
  target: 'dockerfile',
  title: 'go install of a module without a version, or at @latest',
  severity: 'info',
  level: null,
  rationale:
    '`go install example.com/tool@latest` (or `go get` without a version, or `go run example.com/tool@latest`) builds whatever the module\'s newest ' +
    'release is on the day of the build: two builds of one commit can differ and a rebuild can pick up a broken or ' +
    'compromised release. A version (`@v1.2.3`) is recorded in the checksum database, so the same source is built ' +
    'every time. Local packages (`go install ./cmd/app`, `.`) build the context itself and are not reported.',
  remediation: 'Name a version: `go install example.com/tool@v1.2.3`.',
  references: ['https://go.dev/ref/mod#go-install'],
  equivalents: { hadolint: ['DL3062'] },
  examples: {
    bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n',
    good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'go')) {
      for (const call of run.calls) {
        if (call.tool !== 'go' || (call.verb !== 'install' && call.verb !== 'run')) continue;
        const unpinned = call.packages.filter((p) => !p.pinned);
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, call.cmd, unpinned[0].index),
          message: unpinnedMessage(`go ${call.sub ?? 'install'} module`, unpinned, 'use module@vX.Y.Z'),
        });
      }
    }
  },
});
