import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Instruction, ShellCommand } from '../../targets/dockerfile/model.js';
import type { PackageCall } from '../../targets/dockerfile/packages.js';
import { commandRange, runs, type RunInfo } from './util/runs.js';
import { createdUser, isRootUser, splitUserGroup } from './util/users.js';
import { hasUnresolved } from './util/values.js';

/** The user in force while a stage's instructions run, as far as the Dockerfile says. */
interface InForce {
  /** The user part of the last USER, after substitution; null: the base image's user (not judged). */
  user: string | null;
  /** Paths handed to the user (chown, COPY --chown, WORKDIR created for it): writes below them succeed. */
  owned: string[];
}

const SYSTEM_DIRS = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib64', '/opt', '/root', '/var/lib'];
const ACCOUNT_TOOLS = new Set(['useradd', 'userdel', 'usermod', 'groupadd', 'groupdel', 'groupmod', 'adduser', 'addgroup', 'deluser', 'delgroup', 'chpasswd', 'passwd']);
const WRITERS = new Set(['mkdir', 'touch', 'cp', 'mv', 'ln', 'install', 'tee', 'rm', 'chmod', 'sed', 'unzip', 'tar']);
/** Package-manager subcommands that change the system's package database (need root). */
const SYSTEM_PKG_SUBS: Partial<Record<string, ReadonlySet<string>>> = {
  'apt-get': new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall']),
  apt: new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'reinstall']),
  apk: new Set(['add', 'del', 'update', 'upgrade', 'fix']),
  yum: new Set(['install', 'update', 'upgrade', 'remove', 'erase', 'reinstall', 'groupinstall', 'localinstall', 'makecache']),
  dnf: new Set(['install', 'update', 'upgrade', 'remove', 'erase', 'reinstall', 'groupinstall', 'makecache', 'distro-sync']),
  microdnf: new Set(['install', 'update', 'upgrade', 'remove', 'reinstall', 'makecache']),
  zypper: new Set(['install', 'in', 'update', 'up', 'remove', 'rm', 'refresh', 'ref', 'dist-upgrade', 'dup', 'patch']),
};

/** A command that switches back to root for itself: it is judged by dockerfile/sudo, not here. */
function elevated(cmd: ShellCommand): boolean {
  return cmd.via.some((v) => /^(sudo|doas|su|gosu|su-exec|runuser|setpriv)\b/.test(v));
}

function under(path: string, dir: string): boolean {
  const p = path.replace(/\/+$/, '');
  const d = dir.replace(/\/+$/, '');
  return p === d || p.startsWith(d + '/');
}

/** Why the command needs root, or null. */
function needsRoot(cmd: ShellCommand, call: PackageCall | undefined, inForce: InForce & { user: string }): string | null {
  if (call?.sub && SYSTEM_PKG_SUBS[call.tool]?.has(call.sub)) {
    return `\`${cmd.name} ${call.sub}\` changes the system's packages`;
  }
  if (ACCOUNT_TOOLS.has(cmd.name)) return `\`${cmd.name}\` edits /etc/passwd and /etc/group`;
  if (cmd.name === 'chown') {
    const spec = cmd.argv.slice(1).find((a) => !a.startsWith('-'));
    if (spec && !hasUnresolved(spec)) {
      const owner = splitUserGroup(spec.replace('.', ':')).user;
      const numeric = (s: string): boolean => /^\d+$/.test(s);
      if (owner !== '' && owner !== inForce.user && numeric(owner) === numeric(inForce.user)) {
        return `\`chown ${spec}\` gives files to another user, which only root may do`;
      }
    }
  }
  const written = writtenPaths(cmd);
  for (const p of written) {
    if (hasUnresolved(p)) continue;
    const dir = SYSTEM_DIRS.find((d) => under(p, d));
    if (dir && !inForce.owned.some((o) => under(p, o))) return `it writes ${p}, under ${dir}, which belongs to root`;
  }
  return null;
}

/** The absolute paths a command writes: the operands of file tools and the targets of redirections. */
function writtenPaths(cmd: ShellCommand): string[] {
  const out: string[] = [];
  if (WRITERS.has(cmd.name)) {
    const all = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
    const operands = all.filter((a) => a.startsWith('/'));
    // cp/mv/ln/install write their last operand; the others every operand (sed only with -i)
    if (['cp', 'mv', 'ln', 'install'].includes(cmd.name)) {
      const last = all.length >= 2 ? all[all.length - 1] : undefined;
      if (last !== undefined && last.startsWith('/')) out.push(last);
    } else if (cmd.name === 'sed') {
      if (cmd.argv.some((a) => /^-[a-zA-Z]*i/.test(a) || a.startsWith('--in-place'))) out.push(...operands);
    } else if (cmd.name === 'tar' || cmd.name === 'unzip') {
      const i = cmd.argv.findIndex((a) => a === '-C' || a === '-d' || a === '--directory');
      const dest = i > 0 ? cmd.argv[i + 1] : undefined;
      if (dest?.startsWith('/')) out.push(dest);
    } else {
      out.push(...operands);
    }
  }
  for (const m of cmd.text.matchAll(/(?:^|[^<>&\d])\d?>>?\s*("?)(\/[^\s"';|&)]+)\1/g)) {
    const target = m[2];
    if (!target.startsWith('/dev/') && !target.startsWith('/proc/')) out.push(target);
  }
  return out;
}

function userOf(instr: Instruction): string | null {
  const value = instr.expanded.trim();
  if (value === '' || hasUnresolved(value)) return null;
  return splitUserGroup(value).user;
}

/** Updates what the stage knows about ownership after an instruction that ran as root or as the user. */
function noteOwnership(instr: Instruction, cmds: readonly ShellCommand[], inForce: InForce): void {
  if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
    const chown = instr.flags.find((f) => f.name === 'chown');
    const words = instr.json ?? instr.expanded.trim().split(/\s+/);
    const dest = words.length > 0 ? words[words.length - 1] : undefined;
    if (chown?.value && dest !== undefined && dest.startsWith('/')) inForce.owned.push(dest);
    return;
  }
  if (instr.keyword === 'WORKDIR' && inForce.user !== null) {
    // WORKDIR creates a missing directory for the user in force (BuildKit chowns it)
    const dir = instr.expanded.trim();
    if (dir.startsWith('/')) inForce.owned.push(dir);
    return;
  }
  for (const cmd of cmds) {
    if (cmd.name !== 'chown' && cmd.name !== 'chmod') continue;
    const operands = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
    const paths = operands.slice(1).filter((a) => a.startsWith('/'));
    // chown of a path, or a world-writable chmod (777, a+w, o+w), hands it to later users
    if (cmd.name === 'chown' || /^(0?[0-7]{2}[2367]|[ao]\+[rx]*w)/.test(operands[0] ?? '')) inForce.owned.push(...paths);
  }
}

export default defineRule({
  id: 'dockerfile/root-step-after-user',
  target: 'dockerfile',
  title: 'A step that needs root runs after USER switched to another user',
  severity: 'error',
  level: null,
  breaksBuild: true,
  rationale:
    'Course practice "create the user, fix ownership, then switch": every step that changes the system ' +
    '(installing packages, creating accounts, giving files to another owner, writing under /usr or /etc) has to run ' +
    'before `USER`, because after it RUN executes as that user and the step stops with "permission denied", ' +
    'so the image does not build. The rule follows USER through the stage and through `FROM <stage>` chains; ' +
    '`USER root` (also `USER 0`, or a user created with UID 0) switches back, a command run through sudo, su or ' +
    'gosu is left to dockerfile/sudo, a command whose failure is caught (`|| true`) is not judged, and paths the ' +
    'user was given earlier (chown, `COPY --chown`, a WORKDIR created for it, a world-writable chmod) may be ' +
    'written. A user from the base image (no USER in the Dockerfile) is not judged.',
  remediation:
    'Move the step above `USER`, or wrap it in `USER root` … `USER app` when it must come later; hand the user the ' +
    'directories it needs to write (`RUN mkdir -p /opt/app && chown app /opt/app` before `USER app`).',
  references: [
    'https://docs.docker.com/reference/dockerfile/#user',
    'https://docs.docker.com/build/building/best-practices/#user',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER app\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN useradd --uid 10001 app\nUSER app\n',
  },
  check(model, ctx) {
    const byInstr = new Map<Instruction, RunInfo>();
    for (const run of runs(model)) byInstr.set(run.instr, run);
    // the package-manager calls the model's package fact read once
    const calls = new Map<ShellCommand, PackageCall>();
    for (const r of model.packages) for (const c of r.calls) calls.set(c.cmd, c);
    const atEnd = new Map<number, InForce>();
    const rootNames = new Set<string>(); // accounts created with UID 0
    for (const stage of model.stages) {
      const inherited = stage.baseStage !== null ? atEnd.get(stage.baseStage) : undefined;
      const inForce: InForce = inherited ? { user: inherited.user, owned: [...inherited.owned] } : { user: null, owned: [] };
      for (const instr of stage.instructions) {
        if (instr.keyword === 'USER') {
          const u = userOf(instr);
          inForce.user = u === null || isRootUser(u) || rootNames.has(u) ? null : u;
          continue;
        }
        const run = byInstr.get(instr);
        const cmds = run?.cmds ?? [];
        for (const cmd of cmds) {
          const made = createdUser(cmd);
          if (made?.uid !== null && made?.uid !== undefined && isRootUser(made.uid)) rootNames.add(made.name);
        }
        if (run && inForce.user !== null) judge(model, run, calls, { user: inForce.user, owned: inForce.owned }, (d) => { ctx.report(d); });
        noteOwnership(instr, cmds, inForce);
      }
      atEnd.set(stage.index, inForce);
    }
  },
});

function judge(model: DockerfileModel, run: RunInfo, calls: ReadonlyMap<ShellCommand, PackageCall>, inForce: InForce & { user: string }, report: (d: { message: string; range: ReturnType<typeof commandRange> }) => void): void {
  for (const cmd of run.cmds) {
    // `step || true`: the failure is caught, the build goes on
    if (cmd.next === '||' || elevated(cmd)) continue;
    const why = needsRoot(cmd, calls.get(cmd), inForce);
    if (!why) continue;
    report({
      message: `this RUN executes as "${inForce.user}" (USER above), and ${why}: the build fails with "permission denied"; run it before USER, or between USER root and USER ${inForce.user}`,
      range: commandRange(model, run, cmd, run.locator.locate(cmd, 0)?.slice(0, 1) ?? null),
    });
  }
}
