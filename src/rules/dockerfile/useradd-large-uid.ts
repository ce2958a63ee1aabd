import { defineRule } from '../../engine/types.js';
import { argRange, runs, runsAny } from './util/runs.js';

/** The UID given to useradd (`-u N`, `-uN`, `--uid N`, `--uid=N`) and its argv index, or null. */
function uidOf(argv: readonly string[]): { value: string; index: number } | null {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if ((a === '-u' || a === '--uid') && i + 1 < argv.length) return { value: argv[i + 1], index: i + 1 };
    if (a.startsWith('--uid=')) return { value: a.slice(6), index: i };
    if (/^-[^-]*u./.test(a) && !a.startsWith('--')) return { value: a.slice(a.indexOf('u') + 1), index: i };
  }
  return null;
}

function hasNoLogInit(argv: readonly string[]): boolean {
  return argv.some((a, i) => i > 0 && (a === '--no-log-init' || /^-[A-Za-km-z]*l[A-Za-z]*$/.test(a)));
}

export default defineRule({
  id: 'dockerfile/useradd-large-uid',
  target: 'dockerfile',
  title: '`useradd` with a large UID and without `-l`',
  severity: 'warning',
  level: null,
  rationale:
    'useradd records every user in /var/log/lastlog and /var/log/faillog, files indexed by UID: a user with ' +
    'UID 1000000 makes them sparse files hundreds of megabytes long, and image layers do not keep files ' +
    'sparse, so the layer grows by that much. `-l` (`--no-log-init`) leaves the user out of those logs, which ' +
    'a container does not use. UIDs below 100000 cost little and are not reported.',
  remediation: 'Add `-l`: `RUN useradd -l -u 1000000 -r app`.',
  references: ['https://docs.docker.com/build/building/best-practices/#user', 'https://github.com/moby/moby/issues/5419'],
  equivalents: { hadolint: ['DL3046'] },
  examples: {
    bad: 'FROM debian:12-slim\nRUN useradd -u 1000000 -r app\nUSER app\n',
    good: 'FROM debian:12-slim\nRUN useradd -l -u 1000000 -r app\nUSER app\n',
  },
  check(model, ctx) {
    for (const run of runs(model)) {
      if (!runsAny(run, 'useradd')) continue;
      for (const cmd of run.cmds) {
        if (cmd.name !== 'useradd' || hasNoLogInit(cmd.argv)) continue;
        const uid = uidOf(cmd.argv);
        if (!uid || !/^\d+$/.test(uid.value) || Number(uid.value) < 100000) continue;
        ctx.report({
          message: `useradd with UID ${uid.value} and without -l: the lastlog and faillog files grow to the size of the UID; add -l (--no-log-init)`,
          range: argRange(model, run, cmd, uid.index),
        });
      }
    }
  },
});
