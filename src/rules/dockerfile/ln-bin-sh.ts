import { defineRule } from '../../engine/types.js';
import { argRange, runs, runsAny } from './util/runs.js';

const SH = new Set(['/bin/sh', '/usr/bin/sh']);

export default defineRule({
  id: 'dockerfile/ln-bin-sh',
  target: 'dockerfile',
  title: 'RUN replaces /bin/sh with a link instead of using SHELL',
  severity: 'warning',
  level: null,
  rationale:
    'Linking another shell over `/bin/sh` (`ln -sf /bin/bash /bin/sh`) changes the shell of every program in ' +
    'the image that runs `sh` — scripts of the base image, package maintainer scripts, the entrypoints of ' +
    'later images — not just the RUN lines of this Dockerfile, and it hides the change from a reader. The ' +
    'SHELL instruction sets the shell of the following RUN, CMD and ENTRYPOINT in shell form, and nothing else.',
  remediation: 'Replace `RUN ln -sf /bin/bash /bin/sh` with `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`.',
  references: ['https://docs.docker.com/reference/dockerfile/#shell'],
  equivalents: { hadolint: ['DL4005'] },
  examples: {
    bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\nRUN echo "$BASH_VERSION"\n',
    good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo "$BASH_VERSION"\n',
  },
  check(model, ctx) {
    for (const run of runs(model)) {
      if (!runsAny(run, 'ln')) continue;
      for (const cmd of run.cmds) {
        if (cmd.name !== 'ln') continue;
        const at = cmd.argv.findIndex((a, i) => i > 0 && SH.has(a));
        if (at < 0) continue;
        ctx.report({
          message: `\`ln … ${cmd.argv[at]}\` replaces the system shell for every program in the image: use the SHELL instruction instead`,
          range: argRange(model, run, cmd, at),
        });
      }
    }
  },
});
