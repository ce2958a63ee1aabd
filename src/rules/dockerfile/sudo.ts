import { defineRule } from '../../engine/types.js';
import { rangeAt } from '../../targets/dockerfile/facts.js';
import { commandRange, runs } from './util/runs.js';

export default defineRule({
  id: 'dockerfile/sudo',
  target: 'dockerfile',
  title: 'sudo used in RUN',
  severity: 'error',
  level: 'hardened',
  rationale:
    'RUN already runs as the user the Dockerfile chose; sudo adds nothing but risk. It needs the sudo package and a ' +
    'sudoers entry in the image, which give any process running as that user a path to root at runtime, and its TTY ' +
    'and signal handling behave unpredictably in a build. If a step needs root, the Dockerfile should say so ' +
    'openly with USER.',
  remediation:
    'Remove sudo: run the privileged steps before switching users (`USER root` … `USER app`), and do not install ' +
    'sudo or sudoers rules in the image. For runtime privilege changes use gosu or su-exec in the entrypoint.',
  references: ['https://docs.docker.com/build/building/best-practices/#user'],
  equivalents: {
    hadolint: ['DL3004'],
    trivy: ['DS-0010'],
    checkov: ['CKV2_DOCKER_1'],
    kics: ['Run Using Sudo'],
    dockle: ['DKL-DI-0001'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN useradd -r app\nUSER app\nRUN sudo mkdir /data\n',
    good: 'FROM debian:12-slim\nRUN useradd -r app && mkdir /data && chown app /data\nUSER app\n',
  },
  check(model, context) {
    for (const run of runs(model)) {
      if (!(run.cmds.some((c) => c.via.length > 0 || c.name === 'sudo' || c.name === 'doas'))) continue;
      // one finding per sudo word: `sudo -u app sh -c 'a && b'` reaches several commands through one sudo
      const seen = new Set<number>();
      for (const cmd of run.cmds) {
        const wrapped = cmd.via.includes('sudo') || cmd.via.includes('doas');
        if (!wrapped && cmd.name !== 'sudo' && cmd.name !== 'doas') continue;
        const tool = cmd.via.includes('doas') || cmd.name === 'doas' ? 'doas' : 'sudo';
        const words = run.locator.locate(cmd, 0);
        const wrapper = wrapped ? run.locator.wrapperBefore(cmd, tool, words?.[0]?.start ?? null) : words?.[0] ?? null;
        const key = wrapper ? wrapper.start : -1 - cmd.line;
        if (seen.has(key)) continue;
        seen.add(key);
        const target = wrapper ? runAsUser(model.text.slice(wrapper.start, run.instr.range.end.offset)) : null;
        const drop = target !== null && target !== 'root' && target !== '0';
        context.report({
          range: wrapper ? rangeAt(model, wrapper.start, wrapper.end) : commandRange(model, run, cmd, words),
          message: drop
            ? `${tool} -u ${target} in RUN${wrapped && cmd.name ? ` (${cmd.name})` : ''} drops privileges for one command: switch with \`USER ${target}\` for the steps that run as ${target} (and do not ship sudo)`
            : `${tool} in RUN${wrapped && cmd.name ? ` (${cmd.name})` : ''}: use USER to run privileged steps instead`,
        });
      }
    }
  },
});

/** The user a `sudo`/`doas` word at the start of `text` switches to (`-u app`, `-uapp`, `--user=app`), or null. */
function runAsUser(text: string): string | null {
  const m = /^(?:sudo|doas)((?:[ \t]+-[^\s]*)*?)[ \t]+(?:-u[ \t]*|--user[= ])([^\s;&|]+)/.exec(text.replace(/\\\r?\n/g, ' '));
  return m ? m[2].replace(/^['"]|['"]$/g, '') : null;
}
