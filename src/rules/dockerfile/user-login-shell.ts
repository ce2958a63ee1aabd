import { defineRule, type Edit, type ReportDescriptor } from '../../engine/types.js';
import type { Instruction, ShellCommand } from '../../targets/dockerfile/model.js';
import { shellCommands } from '../../targets/dockerfile/shell.js';
import { chainInstructions, stageVars } from './util/stages.js';
import { commandNameRange, findInInstruction } from './util/ranges.js';
import { expandVars, hasUnresolved } from './util/values.js';
import { type CreatedUser, createdUser, isNonLoginShell, isRootUser, shellChange } from './util/users.js';

export default defineRule({
  id: 'dockerfile/user-login-shell',
  target: 'dockerfile',
  title: 'The runtime user is created with a login shell',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'A service account never logs in. Giving it a shell such as /bin/sh or /bin/bash in /etc/passwd makes ' +
    '`docker exec`, `su` and any code that spawns the login shell of the account land in an interactive shell, ' +
    'and gives an attacker who gets the account a ready-made foothold. The defaults are easy to miss: `useradd` ' +
    'without --shell takes SHELL from /etc/default/useradd (/bin/sh on Debian, /bin/bash on RHEL), Debian ' +
    '`adduser` without --system takes /bin/bash, and BusyBox `adduser -D` (Alpine) copies root\'s shell. ' +
    'System accounts (`adduser --system`, BusyBox `adduser -S`) get /usr/sbin/nologin or /bin/false. ' +
    'The rule only looks at the user the final stage runs as, when it is created in the Dockerfile.',
  remediation:
    'Create the runtime user with a non-login shell: `useradd --system --uid 10001 --no-create-home ' +
    '--shell /usr/sbin/nologin app` (Debian/Ubuntu/RHEL), or `adduser -S -D -H -u 10001 -s /sbin/nologin app` ' +
    '(Alpine). `/bin/false` works where nologin is missing.',
  references: [
    'https://man7.org/linux/man-pages/man8/useradd.8.html',
    'https://man7.org/linux/man-pages/man8/nologin.8.html',
    'CIS Docker Benchmark 4.1 (Ensure that a user for the container has been created)',
  ],
  equivalents: { cis: ['4.1'] },
  fixable: 'suggestion',
  examples: {
    bad:
      'FROM debian:12-slim\nRUN useradd --uid 10001 --create-home app\nUSER app\nCMD ["/usr/local/bin/app"]\n',
    good:
      'FROM debian:12-slim\nRUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin app\nUSER app\nCMD ["/usr/local/bin/app"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    const target = final?.user?.user;
    if (!final || !target || hasUnresolved(target) || isRootUser(target)) return;
    const numeric = /^\d+$/.test(target);
    const vars = stageVars(model, final.stage);
    let created: { user: CreatedUser; instr: Instruction; cmd: ShellCommand } | null = null;
    for (const instr of chainInstructions(model, final.stage)) {
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of shellCommands(instr, model)) {
        const raw = createdUser(cmd);
        const u = raw && { ...raw, name: expandVars(raw.name, vars), uid: raw.uid === null ? null : expandVars(raw.uid, vars) };
        if (u && (u.name === target || (numeric && u.uid !== null && Number(u.uid) === Number(target)))) {
          created = { user: u, instr, cmd };
          continue;
        }
        const change = shellChange(cmd);
        if (change && created && expandVars(change.name, vars) === created.user.name) {
          created = {
            user: { ...created.user, explicitShell: change.shell, shell: change.shell, loginShell: !isNonLoginShell(change.shell), how: `${cmd.name} sets ${change.shell}` },
            instr, cmd,
          };
        }
      }
    }
    if (!created || !created.user.loginShell) return;
    if (created.user.explicitShell && hasUnresolved(created.user.explicitShell)) return;
    const { user, instr, cmd } = created;
    const range = commandNameRange(model, instr, cmd);
    const nologin = user.flavor === 'busybox' ? '/sbin/nologin' : '/usr/sbin/nologin';
    let edit: Edit | null = null;
    if (user.explicitShell !== null) {
      const at = findInInstruction(model, instr, user.explicitShell, range.end.offset);
      if (at) edit = { start: at.start.offset, end: at.end.offset, text: nologin };
    } else if (range !== instr.argsRange) {
      edit = { start: range.end.offset, end: range.end.offset, text: user.flavor === 'busybox' ? ` -s ${nologin}` : ` --shell ${nologin}` };
    }
    const report: ReportDescriptor = {
      message:
        `The runtime user "${user.name}" gets a login shell: ${user.how}. ` +
        `Create it with --shell ${nologin} (or /bin/false).`,
      range,
    };
    if (edit) report.fix = { description: `Give the runtime user the shell ${nologin}`, safe: false, edits: [edit] };
    ctx.report(report);
  },
});
