// Users: root written as a name or a UID, user[:group], and the accounts useradd/adduser create
// in RUN bodies (shadow, Debian and BusyBox flavours), to know which login shell the runtime user gets.
import type { ShellCommand } from '../../../targets/dockerfile/model.js';

/** true for the root user written as a name or a UID (root, 0, 00), and for Windows'
 *  ContainerAdministrator; the group part is not considered. */
export function isRootUser(user: string): boolean {
  const u = user.trim();
  return u === 'root' || /^0+$/.test(u) || u.toLowerCase() === 'containeradministrator';
}

/** Splits `user[:group]`. */
export function splitUserGroup(value: string): { user: string; group: string | null } {
  const i = value.indexOf(':');
  return i === -1 ? { user: value, group: null } : { user: value.slice(0, i), group: value.slice(i + 1) };
}

// ---------------------------------------------------------------------------------------------
// Accounts created by RUN commands

export interface CreatedUser {
  name: string;
  uid: string | null;
  /** The shell given explicitly with -s/--shell, or null. */
  explicitShell: string | null;
  /** The shell the account ends up with, or a description of the default. */
  shell: string;
  /** false when the account's shell is nologin/false (no interactive login). */
  loginShell: boolean;
  /** Why the shell is what it is (for messages). */
  how: string;
  /** Which tool created it: decides the option spelling and the nologin path of a fix. */
  flavor: 'useradd' | 'busybox' | 'debian';
}

interface OptSpec {
  /** short options that take an argument */
  shortWithArg: string;
  /** long options (without --) that take an argument */
  longWithArg: string[];
}

const USERADD: OptSpec = {
  shortWithArg: 'bcdefgGkKpPRsuZ',
  longWithArg: ['base-dir', 'comment', 'home-dir', 'home', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'root', 'prefix', 'shell', 'uid', 'selinux-user', 'selinux-range'],
};
const ADDUSER: OptSpec = {
  // BusyBox: -h DIR -g GECOS -s SHELL -G GRP -u UID -k SKEL
  shortWithArg: 'hgsGuk',
  longWithArg: ['home', 'shell', 'uid', 'gid', 'ingroup', 'gecos', 'comment', 'firstuid', 'lastuid', 'firstgid', 'lastgid', 'conf', 'add-extra-groups-list', 'skel', 'extrausers-file'],
};

export interface ParsedOpts {
  /** option name (short letter or long name) → value ('' for flags) */
  opts: Map<string, string>;
  positionals: string[];
}

export function parseOpts(args: string[], spec: OptSpec): ParsedOpts {
  const opts = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { positionals.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      if (eq !== -1) opts.set(name, a.slice(eq + 1));
      else if (spec.longWithArg.includes(name)) opts.set(name, args[++i] ?? '');
      else opts.set(name, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (spec.shortWithArg.includes(c)) {
          const rest = a.slice(j + 1);
          opts.set(c, rest !== '' ? rest : args[++i] ?? '');
          break;
        }
        opts.set(c, '');
      }
      continue;
    }
    positionals.push(a);
  }
  return { opts, positionals };
}

export function isNonLoginShell(shell: string): boolean {
  const base = shell.replace(/\/+$/, '').split('/').pop() ?? '';
  return base === 'nologin' || base === 'false' || base === 'true';
}

/** The user a useradd/adduser command creates, with its shell; null when the command creates none. */
export function createdUser(cmd: ShellCommand): CreatedUser | null {
  if (cmd.name === 'useradd') {
    const { opts, positionals } = parseOpts(cmd.argv.slice(1), USERADD);
    if (opts.has('D') || opts.has('defaults')) return null;
    const name = positionals[positionals.length - 1];
    if (!name) return null;
    const explicit = opts.get('s') ?? opts.get('shell') ?? null;
    const uid = opts.get('u') ?? opts.get('uid') ?? null;
    if (explicit !== null) return made('useradd', name, uid, explicit, explicit, `useradd sets ${explicit}`);
    return made('useradd', name, uid, null, '/bin/sh or /bin/bash', 'useradd without --shell uses SHELL from /etc/default/useradd (/bin/sh or /bin/bash)', true);
  }
  if (cmd.name === 'adduser') {
    const { opts, positionals } = parseOpts(cmd.argv.slice(1), ADDUSER);
    const name = positionals[0];
    if (!name) return null;
    // `adduser USER GROUP` with no options adds an existing user to a group
    if (positionals.length >= 2 && opts.size === 0) return null;
    const explicit = opts.get('s') ?? opts.get('shell') ?? null;
    const uid = opts.get('u') ?? opts.get('uid') ?? null;
    const busybox = [...opts.keys()].some((k) => k.length === 1);
    const flavor = busybox ? 'busybox' : 'debian';
    if (explicit !== null) return made(flavor, name, uid, explicit, explicit, `adduser sets ${explicit}`);
    if (opts.has('S') || opts.has('system')) {
      // Debian adduser --system: /usr/sbin/nologin; BusyBox adduser -S: /bin/false
      return made(flavor, name, uid, null, opts.has('S') ? '/bin/false' : '/usr/sbin/nologin', 'a system account');
    }
    return busybox
      ? made(flavor, name, uid, null, '/bin/sh', "BusyBox adduser without -s copies root's shell (/bin/sh on Alpine)", true)
      : made(flavor, name, uid, null, '/bin/bash', 'adduser without --shell or --system uses DSHELL from /etc/adduser.conf (/bin/bash)', true);
  }
  return null;
}

/** The shell a usermod/chsh command sets for a user, or null. */
export function shellChange(cmd: ShellCommand): { name: string; shell: string } | null {
  if (cmd.name !== 'usermod' && cmd.name !== 'chsh') return null;
  const { opts, positionals } = parseOpts(cmd.argv.slice(1), { shortWithArg: 'acdegGlLpPRsuUZ', longWithArg: ['shell', 'home', 'comment', 'gid', 'groups', 'login', 'uid', 'root', 'prefix', 'expiredate', 'inactive', 'password', 'selinux-user'] });
  const shell = opts.get('s') ?? opts.get('shell');
  const name = positionals[positionals.length - 1];
  if (shell === undefined || !name) return null;
  return { name, shell };
}

function made(
  flavor: CreatedUser['flavor'], name: string, uid: string | null, explicit: string | null, shell: string, how: string, defaultLogin = false,
): CreatedUser {
  return {
    flavor, name, uid, explicitShell: explicit, shell, how,
    loginShell: explicit !== null ? !isNonLoginShell(explicit) : defaultLogin,
  };
}
