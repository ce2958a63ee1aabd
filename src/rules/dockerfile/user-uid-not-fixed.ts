import { defineRule } from '../../engine/types.js';
import type { Instruction, ShellCommand } from '../../targets/dockerfile/model.js';
import { shellCommands } from '../../targets/dockerfile/shell.js';
import { chainInstructions, stageVars } from './util/stages.js';
import { commandNameRange } from './util/ranges.js';
import { expandVars, hasUnresolved } from './util/values.js';
import { createdUser, isRootUser } from './util/users.js';

export default defineRule({
  id: 'dockerfile/user-uid-not-fixed',
  target: 'dockerfile',
  title: 'The runtime user is created without a fixed UID',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "a predictable user": the account the container runs as should have a UID chosen by the ' +
    'Dockerfile, not the next free number of the base image. When useradd/adduser picks the UID, it changes with the ' +
    'accounts the base image already has, so files on volumes end up owned by a number that differs between image ' +
    'versions, and orchestrator policies that pin a UID (Kubernetes runAsUser, OpenShift ranges) cannot be written ' +
    'once. The rule fires only for the final stage\'s USER, when that user is created by a RUN of the final stage ' +
    'chain without -u/--uid. A numeric USER (also one resolved from an ARG with a numeric default) is fixed by ' +
    'definition; a user the base image already provides (node, nobody) is not judged.',
  remediation:
    'Give the account an explicit UID (and a group with an explicit GID): `useradd --uid 10001 …`, ' +
    '`adduser -u 10001 …` (BusyBox) or `adduser --uid 10001 …` (Debian), or end the stage with a numeric ' +
    '`USER 10001:10001`.',
  references: [
    'https://docs.docker.com/build/building/best-practices/#user',
    'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM debian:12-slim\nRUN useradd --system --shell /usr/sbin/nologin app\nUSER app\nCMD ["/app/run"]\n',
    good: 'FROM debian:12-slim\nRUN useradd --system --uid 10001 --shell /usr/sbin/nologin app\nUSER app\nCMD ["/app/run"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    const target = final?.user?.user;
    if (!final || !target || hasUnresolved(target) || isRootUser(target)) return;
    if (/^\d+$/.test(target)) return;
    const vars = stageVars(model, final.stage);
    let created: { uid: string | null; instr: Instruction; cmd: ShellCommand } | null = null;
    for (const instr of chainInstructions(model, final.stage)) {
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of shellCommands(instr, model)) {
        const u = createdUser(cmd);
        if (!u || expandVars(u.name, vars) !== target) continue;
        created = { uid: u.uid === null ? null : expandVars(u.uid, vars), instr, cmd };
      }
    }
    if (!created || created.uid !== null) return;
    ctx.report({
      message:
        `The runtime user "${target}" is created by ${created.cmd.name} without a UID, so its number depends on the ` +
        `accounts of the base image; give it one (${created.cmd.name === 'adduser' ? 'adduser -u 10001 / --uid 10001' : 'useradd --uid 10001'}) or use a numeric USER.`,
      range: commandNameRange(model, created.instr, created.cmd),
    });
  },
});
