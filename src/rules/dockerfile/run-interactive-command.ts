import { defineRule } from '../../engine/types.js';
import { commandRange, runs } from './util/runs.js';

/** Commands that manage a running system or need a terminal; a build step has neither. */
const COMMANDS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);

export default defineRule({
  id: 'dockerfile/run-interactive-command',
  target: 'dockerfile',
  title: 'RUN calls a command that makes no sense in an image build',
  severity: 'info',
  level: null,
  rationale:
    'A RUN step runs once, without a terminal, in a container that is thrown away when the step ends. ' +
    '`service x start`, `shutdown`, `kill`, `mount` act on processes and mounts that do not outlive the step; ' +
    '`top`, `free`, `ps` report on that throwaway container; `vim` waits for a terminal and `ssh` for a remote ' +
    'host or a passphrase. Such a line usually comes from a shell session pasted into a Dockerfile: it does ' +
    'nothing useful, or hangs the build, or hides work that belongs in the CMD or ENTRYPOINT (a service is ' +
    'started by the container\'s command, not by the build). The commands are the ones hadolint lists.',
  remediation: 'Remove the command, or move what it starts into the container\'s CMD/ENTRYPOINT (`CMD ["nginx", "-g", "daemon off;"]` in place of `RUN service nginx start`).',
  references: ['https://docs.docker.com/build/building/best-practices/#run'],
  equivalents: { hadolint: ['DL3001'] },
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && service nginx start\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nCMD ["nginx", "-g", "daemon off;"]\n',
  },
  check(model, ctx) {
    for (const run of runs(model)) {
      for (const cmd of run.cmds) {
        if (!COMMANDS.has(cmd.name)) continue;
        ctx.report({
          message: `\`${cmd.name}\` in RUN acts on the throwaway build container (or waits for a terminal): remove it, or start services from CMD`,
          range: commandRange(model, run, cmd, run.locator.locate(cmd, 0)?.slice(0, 1) ?? null),
        });
      }
    }
  },
});
