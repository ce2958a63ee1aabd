import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';
import { isWindowsStage, shellAt } from '../../targets/dockerfile/facts.js';
import { commandRange, pipelines, runs, runScriptText } from './util/runs.js';

const NON_POSIX = /^(pwsh|powershell|cmd)(\.exe)?$/i;
/** Producers whose failure cannot be hidden by a pipe (or that are meant to be cut off: `yes`). */
const HARMLESS_PRODUCERS = new Set(['echo', 'printf', 'yes', 'true', ':']);

function base(s: string): string {
  return s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
}

/** SHELL ["/bin/bash", "-o", "pipefail", "-c"] or ["/bin/ash", "-eo", "pipefail", "-c"]. Any shell
 *  given -o pipefail counts: one that lacks the option (dash) fails the build loudly, hiding nothing. */
function shellHasPipefail(shell: string[]): boolean {
  return shell.some((a, i) => /^-[a-zA-Z]*o$/.test(a) && shell[i + 1] === 'pipefail');
}

function setsPipefail(cmd: ShellCommand): boolean {
  if (cmd.name !== 'set') return false;
  return cmd.argv.some((a, i) => /^-[a-zA-Z]*o$/.test(a) && cmd.argv[i + 1] === 'pipefail');
}

export default defineRule({
  id: 'dockerfile/pipefail',
  target: 'dockerfile',
  title: 'Piped RUN without pipefail',
  severity: 'warning',
  level: null,
  rationale:
    'The exit status of a pipeline is that of its last command. In `RUN curl -fsSL $URL | tar -xz` a failed download ' +
    'still lets tar succeed on empty input, and the build goes on with a missing or partial file. With `pipefail` ' +
    'the failure of any command in the pipe fails the RUN. The default /bin/sh -c does not set it (and Debian\'s ' +
    'dash does not support it); bash, zsh, ksh and busybox ash do. Pipes fed by echo, printf or yes are not reported ' +
    '(and `yes | …` must not get pipefail: yes always dies of SIGPIPE).',
  remediation:
    'Before the RUN: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (on Alpine/busybox: `SHELL ["/bin/ash", "-eo", ' +
    '"pipefail", "-c"]`), or start the command with `set -o pipefail &&` where the shell supports it.',
  references: ['https://docs.docker.com/build/building/best-practices/#using-pipes'],
  equivalents: {
    hadolint: ['DL4006'],
    trivy: ['DS-0032'],
    kics: ['Shell Running A Pipe Without Pipefail Flag'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n',
    good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n',
  },
  check(model, context) {
    for (const run of runs(model)) {
      if (!(run.cmds.some((c) => c.next === '|'))) continue;
      let shell: string[];
      if (run.instr.json) {
        shell = run.instr.json; // exec form: the argv names its own shell
        if (shellHasPipefail(shell)) continue;
      } else {
        shell = shellAt(model, run.instr);
        if (NON_POSIX.test(base(shell[0] ?? '')) || shellHasPipefail(shell)) continue;
        if (isWindowsStage(model, run.stage) || NON_POSIX.test(run.cmds[0]?.name ?? '')) continue;
      }
      // a `bash -o pipefail -c '…'` wrapper: the parser unwraps it, so look at the source text
      if (/\b(bash|zsh|ash|ksh|mksh)\b[^|;&]*\s-[a-zA-Z]*o\s+pipefail\b/.test(runScriptText(run.instr))) continue;
      let pipefailOn = false;
      for (const pipeline of pipelines(run.cmds)) {
        if (pipeline.some(setsPipefail)) pipefailOn = true;
        if (pipefailOn || pipeline.length < 2) continue;
        const producers = pipeline.slice(0, -1);
        const first = producers.find((c) => !HARMLESS_PRODUCERS.has(c.name));
        if (!first) continue;
        const words = run.locator.locate(first, 0);
        context.report({
          range: commandRange(model, run, first, words ? words.slice(0, 1) : null),
          message: `\`${first.name} | ${pipeline[pipeline.indexOf(first) + 1].name}\`: a failure of ${first.name} is hidden without \`set -o pipefail\` (shell: ${shell[0] ?? '/bin/sh'})`,
        });
        break; // one finding per RUN
      }
    }
  },
});
