// Package-manager and installer invocations of a Dockerfile's RUN instructions (ONBUILD RUN triggers
// included), read once per model by the parser: which tool, which verb (normalised over the tools'
// abbreviations), which options and packages with their version spec, the environment in force and
// the cache mounts of the RUN. Rules read `model.packages` instead of each re-reading every command.
import type { Instruction, ShellCommand } from './model.js';

/** The tools read as package managers or installers. */
export type Tool = 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper'
  | 'pip' | 'pipx' | 'npm' | 'yarn' | 'pnpm' | 'bun' | 'gem' | 'go';

/** What an invocation does, the same word for every tool:
 *  install — installs or reinstalls named packages (or the project's dependencies);
 *  ci — installs exactly the lockfile (npm ci, and installs with a frozen lockfile);
 *  update — refreshes the package index only; upgrade — upgrades installed packages;
 *  remove — removes packages; clean — empties the tool's cache; run — runs a script or a tool
 *  (yarn build, npm run, npx-like uses); other — anything else (search, info, --version…). */
export type Verb = 'install' | 'ci' | 'update' | 'upgrade' | 'remove' | 'clean' | 'run' | 'other';

export interface Opt {
  /** Without dashes: 'y', 'yes', 'o', 'no-install-recommends'. */
  name: string;
  value: string | null;
  /** argv index of the word holding the option. */
  index: number;
  long: boolean;
}

export interface Operand {
  value: string;
  /** argv index of the word. */
  index: number;
}

/** A package named on the command line, with what it says about its version. */
export interface PackageSpec extends Operand {
  /** The name without its version spec (lower-case for the OS package managers). */
  name: string;
  /** The version spec as written after the name ('=1.2', '==3.0', '@5', ':9', '~=1.2'), or null. */
  version: string | null;
  /** Where it comes from: the tool's registry, a local file or directory, a URL, a VCS URL. */
  source: 'registry' | 'path' | 'url' | 'vcs';
  /** The tool would install a version fixed by the command line (its pinning convention). */
  pinned: boolean;
}

export interface PackageCall {
  tool: Tool;
  /** The command (argv[0] is the tool; for `python -m pip` argv[0] is python). */
  cmd: ShellCommand;
  /** Position of the command among PackageRun.commands. */
  position: number;
  /** The sub-command as written, lower-case ('in', 'up', 'install', 'add'); for dnf/yum `group` and
   *  `module` forms the word after them is part of it ('group install'). null when none. */
  sub: string | null;
  /** argv index of the (first) sub-command word, -1 when none. */
  subIndex: number;
  verb: Verb | null;
  /** Options anywhere on the command line (before and after the sub-command). */
  opts: Opt[];
  /** Operands after the sub-command (packages, files, scripts). */
  operands: Operand[];
  /** The operands that name packages, with their version (files, URLs and variables as the tool reads
   *  them; `$VAR` operands are left out). Empty for verbs that take no packages. */
  packages: PackageSpec[];
  /** The environment the command runs with: ENV and ARG in force, `export VAR=…` earlier in the
   *  RUN, and the command's own `VAR=x cmd` assignments. */
  env: Readonly<Record<string, string>>;
  /** A cache or tmpfs mount of the RUN covers the tool's cache (what a cleanup would remove). */
  cacheMounted: boolean;
  /** Installs exactly what a lockfile says (npm ci, yarn --frozen-lockfile/--immutable, pnpm with
   *  --frozen-lockfile or CI set, bun --frozen-lockfile); false for other invocations. */
  frozen: boolean;
  /** -g / --global (npm, yarn global, pnpm, bun). */
  global: boolean;
}

export interface Mount {
  type: string;
  /** Target path without trailing slashes ('' when none is given). */
  target: string;
}

/** One RUN (or ONBUILD RUN trigger) that invokes at least one package manager or installer. */
export interface PackageRun {
  /** The RUN instruction (for ONBUILD, its trigger). */
  instr: Instruction;
  onbuild: boolean;
  /** The RUN's simple commands as rules see them (`xargs cmd` looked through). */
  commands: ShellCommand[];
  calls: PackageCall[];
  /** The RUN's --mount flags, parsed. */
  mounts: Mount[];
}

// ---------------------------------------------------------------------------------------------
// Reading the command line

interface Spec {
  /** Short option letters that take a value. */
  shortValue: string;
  /** Long option names that take a value (when not written --name=value). */
  longValue: ReadonlySet<string>;
}

const APT: Spec = { shortValue: 'octaP', longValue: new Set(['option', 'config-file', 'target-release', 'default-release', 'host-architecture', 'build-profiles']) };
const RPM_LONG = ['config', 'debuglevel', 'errorlevel', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'exclude', 'setopt',
  'downloaddir', 'destdir', 'forcearch', 'color', 'rpmverbosity', 'disableplugin', 'enableplugin', 'comment', 'advisory', 'bz', 'cve', 'sec-severity', 'secseverity'];
const PIP: Spec = { shortValue: 'rceitfC', longValue: new Set(['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'find-links', 'target', 'prefix', 'root',
  'platform', 'python-version', 'implementation', 'abi', 'src', 'upgrade-strategy', 'progress-bar', 'trusted-host', 'cache-dir', 'log', 'proxy', 'retries', 'timeout',
  'exists-action', 'cert', 'client-cert', 'global-option', 'config-settings', 'only-binary', 'no-binary', 'python', 'report', 'root-user-action', 'use-feature',
  'use-deprecated', 'install-option', 'keyring-provider', 'group']) };
const NPM: Spec = { shortValue: 'w', longValue: new Set(['prefix', 'registry', 'cache', 'tag', 'workspace', 'omit', 'include', 'loglevel', 'userconfig', 'install-strategy', 'before', 'location']) };

const SPECS: Record<Tool, Spec> = {
  'apt-get': APT,
  apt: APT,
  aptitude: { shortValue: 'ortFDSwO', longValue: new Set(['option', 'target-release', 'default-release', 'display-format', 'sort', 'width']) },
  apk: { shortValue: 'Xpt', longValue: new Set(['repository', 'root', 'virtual', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'cache-max-age', 'timeout', 'wait']) },
  yum: { shortValue: 'cdex', longValue: new Set(RPM_LONG) },
  dnf: { shortValue: 'cdex', longValue: new Set([...RPM_LONG, 'use-host-config']) },
  microdnf: { shortValue: '', longValue: new Set(['config', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'setopt', 'platform-id', 'exclude']) },
  zypper: { shortValue: 'Rcrt', longValue: new Set(['root', 'config', 'reposd-dir', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'repo', 'from', 'type', 'download']) },
  pip: PIP,
  pipx: { shortValue: '', longValue: new Set(['python', 'suffix', 'index-url', 'pip-args', 'spec', 'preinstall']) },
  npm: NPM,
  yarn: { shortValue: '', longValue: new Set(['cwd', 'registry', 'cache-folder', 'modules-folder', 'network-timeout', 'mutex', 'global-folder', 'link-folder', 'use-yarnrc']) },
  pnpm: { shortValue: 'C', longValue: new Set(['dir', 'filter', 'registry', 'store-dir', 'reporter', 'loglevel', 'workspace-root']) },
  bun: { shortValue: '', longValue: new Set(['cwd', 'registry', 'cache-dir', 'config', 'backend', 'filter']) },
  gem: { shortValue: 'vsip', longValue: new Set(['version', 'source', 'install-dir', 'bindir', 'platform', 'document', 'build-root', 'file', 'only-plugin', 'conservative']) },
  go: { shortValue: 'Co', longValue: new Set(['modfile', 'overlay', 'pkgdir', 'tags', 'toolexec', 'ldflags', 'gcflags', 'asmflags', 'buildmode', 'compiler', 'mod', 'p']) },
};

const PIP_NAME = /^pip(\d+(\.\d+)?)?$/;

/** Which tool a command runs and where its own arguments start; null for other commands.
 *  `python -m pip`, `python -m pipx`, dnf5/dnf-3, pip2/pip3/pip3.12 count as their tool. */
function toolOf(cmd: ShellCommand): { tool: Tool; first: number } | null {
  const n = cmd.name;
  switch (n) {
    case 'apt-get': case 'apt': case 'aptitude': case 'apk': case 'yum': case 'dnf': case 'microdnf': case 'zypper':
    case 'pipx': case 'npm': case 'yarn': case 'pnpm': case 'bun': case 'gem': case 'go':
      return { tool: n, first: 1 };
    case 'dnf5': case 'dnf-3': return { tool: 'dnf', first: 1 };
    default: break;
  }
  if (PIP_NAME.test(n)) return { tool: 'pip', first: 1 };
  if (/^python(\d+(\.\d+)*)?$/.test(n) && cmd.argv[1] === '-m') {
    const mod = cmd.argv[2] ?? '';
    if (PIP_NAME.test(mod)) return { tool: 'pip', first: 3 };
    if (mod === 'pipx') return { tool: 'pipx', first: 3 };
  }
  return null;
}

interface Parsed { opts: Opt[]; sub: string | null; subIndex: number; operands: Operand[] }

function readArgs(argv: readonly string[], first: number, spec: Spec, stopAtDashes: boolean): Parsed {
  const opts: Opt[] = [];
  const operands: Operand[] = [];
  let sub: string | null = null;
  let subIndex = -1;
  let endOfOptions = false;
  for (let i = first; i < argv.length; i++) {
    const a = argv[i];
    if (!endOfOptions && a === '--') {
      if (stopAtDashes) break; // gem install x -- --build-flags: the rest is for the extension build
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = (eq === -1 ? a.slice(2) : a.slice(2, eq)).toLowerCase();
      let value: string | null = eq === -1 ? null : a.slice(eq + 1);
      if (value === null && spec.longValue.has(name) && i + 1 < argv.length) value = argv[++i];
      opts.push({ name, value, index: eq === -1 && value !== null ? i - 1 : i, long: true });
      continue;
    }
    if (!endOfOptions && a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      // combined short flags: -qy, -qq, -oAPT::X=1, -q=2, -t .build-deps
      const body = a.slice(1);
      if (body.indexOf('=') === 1) {
        opts.push({ name: body[0], value: body.slice(2), index: i, long: false });
        continue;
      }
      for (let k = 0; k < body.length; k++) {
        const letter = body[k];
        if (spec.shortValue.includes(letter)) {
          let value = body.slice(k + 1);
          let index = i;
          if (value === '' && i + 1 < argv.length) { value = argv[++i]; index = i - 1; }
          opts.push({ name: letter, value, index, long: false });
          break;
        }
        opts.push({ name: letter, value: null, index: i, long: false });
      }
      continue;
    }
    if (sub === null) {
      sub = a.toLowerCase();
      subIndex = i;
      continue;
    }
    operands.push({ value: a, index: i });
  }
  return { opts, sub, subIndex, operands };
}

/** A dry run changes nothing: apt-get -s, dnf --assumeno, pip/npm --dry-run. */
function isDryRun(tool: Tool, opts: readonly Opt[]): boolean {
  if (tool === 'apt-get' || tool === 'apt') return opts.some((o) => ['s', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act'].includes(o.name));
  if (tool === 'aptitude') return opts.some((o) => o.name === 's' || o.name === 'simulate');
  return opts.some((o) => o.name === 'dry-run' || o.name === 'assumeno');
}

const has = (opts: readonly Opt[], ...names: string[]): boolean => opts.some((o) => names.includes(o.name));

// ---------------------------------------------------------------------------------------------
// Verbs

const APT_VERBS: Record<string, Verb> = {
  install: 'install', reinstall: 'install', 'build-dep': 'install', source: 'other', download: 'other',
  update: 'update', upgrade: 'upgrade', 'dist-upgrade': 'upgrade', 'full-upgrade': 'upgrade', 'safe-upgrade': 'upgrade',
  remove: 'remove', purge: 'remove', autoremove: 'remove', autopurge: 'remove',
  clean: 'clean', autoclean: 'clean', 'dist-clean': 'clean',
};
const APK_VERBS: Record<string, Verb> = { add: 'install', fix: 'install', del: 'remove', update: 'update', upgrade: 'upgrade', 'cache': 'other' };
const RPM_VERBS: Record<string, Verb> = {
  install: 'install', in: 'install', localinstall: 'install', groupinstall: 'install', reinstall: 'install', rei: 'install',
  builddep: 'install', 'build-dep': 'install', downgrade: 'install', swap: 'install',
  update: 'upgrade', upgrade: 'upgrade', up: 'upgrade', 'upgrade-minimal': 'upgrade', 'update-minimal': 'upgrade', 'up-min': 'upgrade',
  'distro-sync': 'upgrade', dsync: 'upgrade', 'distrosync': 'upgrade', 'dist-upgrade': 'upgrade', groupupdate: 'upgrade',
  remove: 'remove', erase: 'remove', rm: 'remove', autoremove: 'remove', groupremove: 'remove',
  makecache: 'update', mc: 'update', clean: 'clean', 'group install': 'install', 'module install': 'install',
};
const ZYPPER_VERBS: Record<string, Verb> = {
  install: 'install', in: 'install', 'source-install': 'install', si: 'install', 'install-new-recommends': 'install', inr: 'install',
  update: 'upgrade', up: 'upgrade', 'dist-upgrade': 'upgrade', dup: 'upgrade', patch: 'upgrade',
  remove: 'remove', rm: 'remove', refresh: 'update', ref: 'update', clean: 'clean', cc: 'clean',
};
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const NPM_VERBS: Record<string, Verb> = {
  ci: 'ci', 'clean-install': 'ci', ic: 'ci', 'install-clean': 'ci', 'isntall-clean': 'ci',
  update: 'upgrade', up: 'upgrade', upgrade: 'upgrade', udpate: 'upgrade',
  uninstall: 'remove', unlink: 'remove', remove: 'remove', rm: 'remove', r: 'remove', un: 'remove',
  run: 'run', 'run-script': 'run', rum: 'run', urn: 'run', test: 'run', t: 'run', tst: 'run', start: 'run', stop: 'run', restart: 'run', exec: 'run', x: 'run',
};
const YARN_VERBS: Record<string, Verb> = { install: 'install', add: 'install', upgrade: 'upgrade', up: 'upgrade', remove: 'remove', run: 'run', exec: 'run', dlx: 'run', node: 'run' };
const PNPM_VERBS: Record<string, Verb> = {
  install: 'install', i: 'install', add: 'install', ci: 'ci', 'clean-install': 'ci', ic: 'ci', 'install-clean': 'ci',
  update: 'upgrade', up: 'upgrade', upgrade: 'upgrade', remove: 'remove', rm: 'remove', uninstall: 'remove', un: 'remove',
  run: 'run', 'run-script': 'run', exec: 'run', dlx: 'run', test: 'run', start: 'run',
};
const BUN_VERBS: Record<string, Verb> = { install: 'install', i: 'install', add: 'install', a: 'install', update: 'upgrade', remove: 'remove', rm: 'remove', run: 'run', x: 'run', build: 'run', test: 'run' };

function verbOf(tool: Tool, p: Parsed): Verb | null {
  const s = p.sub;
  switch (tool) {
    case 'apt-get': case 'apt': case 'aptitude': return s === null ? null : APT_VERBS[s] ?? 'other';
    case 'apk':
      if (s === 'cache') return p.operands[0]?.value === 'clean' || p.operands[0]?.value === 'purge' ? 'clean' : 'other';
      return s === null ? null : APK_VERBS[s] ?? 'other';
    case 'yum': case 'dnf': case 'microdnf': return s === null ? null : RPM_VERBS[s] ?? 'other';
    case 'zypper': return s === null ? null : ZYPPER_VERBS[s] ?? 'other';
    case 'pip': return s === 'install' ? 'install' : s === 'uninstall' ? 'remove' : s === null ? null : s === 'cache' && p.operands[0]?.value === 'purge' ? 'clean' : 'other';
    case 'pipx': return s === 'install' || s === 'inject' ? 'install' : s === 'upgrade' || s === 'upgrade-all' ? 'upgrade' : s === 'uninstall' ? 'remove'
      : s === 'run' ? 'run' : s === null ? null : 'other';
    case 'npm':
      if (s === null) return null;
      if (NPM_INSTALL.has(s)) return 'install';
      if (s === 'cache') return p.operands[0]?.value === 'clean' ? 'clean' : 'other';
      return NPM_VERBS[s] ?? 'other';
    case 'yarn':
      // a bare `yarn` installs the project's dependencies; `yarn --version`, `yarn build` (a script) do not
      if (s === null) return has(p.opts, 'version', 'v', 'help', 'h') ? 'other' : 'install';
      if (s === 'global') return p.operands[0]?.value === 'add' ? 'install' : p.operands[0]?.value === 'remove' ? 'remove' : 'other';
      if (s === 'cache') return p.operands[0]?.value === 'clean' ? 'clean' : 'other';
      return YARN_VERBS[s] ?? (['info', 'list', 'why', 'config', 'version', 'versions', 'init', 'login', 'logout', 'publish', 'pack', 'audit', 'outdated',
        'licenses', 'owner', 'tag', 'team', 'link', 'unlink', 'check', 'help', 'bin', 'dir', 'set', 'plugin', 'workspace', 'workspaces', 'policies', 'import',
        'generate-lock-entry', 'create', 'autoclean', 'constraints', 'explain', 'npm', 'patch', 'rebuild', 'search', 'stage', 'unplug', 'up'].includes(s) ? 'other' : 'run');
    case 'pnpm':
      if (s === null) return null;
      if (s === 'store') return p.operands[0]?.value === 'prune' ? 'clean' : 'other';
      return PNPM_VERBS[s] ?? 'other';
    case 'bun':
      if (s === null) return null;
      if (s === 'pm') return p.operands[0]?.value === 'cache' && p.operands[1]?.value === 'rm' ? 'clean' : 'other';
      return BUN_VERBS[s] ?? 'other';
    case 'gem': return s === 'install' || s === 'i' ? 'install' : s === 'update' ? 'upgrade' : s === 'uninstall' ? 'remove' : s === 'cleanup' ? 'clean' : s === null ? null : 'other';
    case 'go': return s === 'install' || s === 'get' ? 'install' : s === 'clean' ? 'clean' : s === null ? null : 'other';
  }
}

// ---------------------------------------------------------------------------------------------
// Packages and their versions

function osOperands(p: Parsed, rpm: boolean): Operand[] {
  let ops = p.operands;
  if (rpm && (p.sub === 'group install' || p.sub === 'module install')) return ops;
  if (rpm && (p.sub === 'group' || p.sub === 'groups' || p.sub === 'module') && ops[0]?.value === 'install') ops = ops.slice(1);
  return ops;
}

const usable = (v: string): boolean => v !== '' && !v.includes('$') && !v.includes('`');
const isPathLike = (v: string): boolean => /^[./~]/.test(v);
const isUrl = (v: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(v);

function spec(o: Operand, name: string, version: string | null, source: PackageSpec['source'], pinned: boolean): PackageSpec {
  return { value: o.value, index: o.index, name, version, source, pinned };
}

/** OS packages: pkg=1.2 (apt, apk, zypper), pkg~1.2 / pkg>1 (apk), pkg-1.2 (rpm), local files. */
function osPackages(tool: Tool, p: Parsed): PackageSpec[] {
  const rpm = tool === 'yum' || tool === 'dnf' || tool === 'microdnf';
  const out: PackageSpec[] = [];
  for (const o of osOperands(p, rpm)) {
    const v = o.value;
    if (!usable(v) || isPathLike(v) || isUrl(v)) continue;
    if (rpm && p.sub === 'group install') continue; // group names, not packages
    // the version starts at the tool's first version operator
    const at = v.search(tool === 'apk' ? /[=<>~]/ : rpm || tool === 'zypper' ? /[=<>]/ : /=/);
    let name = (at === -1 ? v : v.slice(0, at)).toLowerCase();
    let version: string | null = at === -1 ? null : v.slice(at);
    let pinned: boolean;
    if (tool === 'apk') pinned = version !== null || v.endsWith('.apk');
    else if (rpm || tool === 'zypper') {
      const dash = /-(\d.*)$/.exec(name);
      if (version === null && dash) { version = name.slice(dash.index); name = name.slice(0, dash.index); }
      // a module stream (`dnf module install nodejs:20`) is a pinned version too
      const colon = p.sub === 'module install' ? name.indexOf(':') : -1;
      if (colon > 0) { version = name.slice(colon); name = name.slice(0, colon); }
      pinned = version !== null || v.endsWith('.rpm') || v.startsWith('@');
    } else pinned = version !== null || v.endsWith('.deb');
    out.push(spec(o, name, version, 'registry', pinned));
  }
  return out;
}

const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;
const PIP_VERSION = /(===|==|~=|!=|>=|<=|>|<)/;

/** pip requirements as pip reads them. A version spec (exact or a range: `==`, `~=`, `>=`, `<`,
 *  `!=`), a VCS URL with `@ref`, a local path, a wheel or sdist file fix what is installed; a
 *  VCS URL without a ref installs whatever the branch holds today. */
function pipPackages(p: Parsed): PackageSpec[] {
  const out: PackageSpec[] = [];
  for (const o of p.operands) {
    const v = o.value;
    if (!usable(v)) continue;
    if (VCS.test(v)) {
      const at = v.replace(/^[^:]+:\/\/[^/]*@/, '').lastIndexOf('@');
      const egg = /#egg=([^&]+)/.exec(v)?.[1] ?? v;
      out.push(spec(o, egg, at > 0 ? v.slice(v.lastIndexOf('@')) : null, 'vcs', at > 0));
      continue;
    }
    if (/^[a-z]+:\/\//i.test(v)) { out.push(spec(o, v, null, 'url', true)); continue; }
    if (v === '.' || isPathLike(v) || v.includes('/') || /\.(whl|tar\.gz|zip|tgz)$/i.test(v)) { out.push(spec(o, v, null, 'path', true)); continue; }
    const m = PIP_VERSION.exec(v);
    const direct = v.includes('@'); // name @ https://… (PEP 508 direct reference)
    const name = (m ? v.slice(0, m.index) : direct ? v.slice(0, v.indexOf('@')) : v).replace(/\[.*\]$/, '').trim();
    out.push(spec(o, name, m ? v.slice(m.index) : direct ? v.slice(v.indexOf('@')) : null, 'registry', m !== null || direct));
  }
  return out;
}

/** npm-style specs: name@version (a tag other than latest/next/*), a git URL with #ref, a tarball,
 *  a path, an http(s) URL. */
function npmPackages(p: Parsed, skipFirst = 0): PackageSpec[] {
  const out: PackageSpec[] = [];
  for (const o of p.operands.slice(skipFirst)) {
    const v = o.value;
    if (!usable(v)) continue;
    if (/^(git\+[a-z]+|git):\/\//i.test(v) || /^(github|gitlab|bitbucket):/.test(v)) {
      const hash = v.indexOf('#');
      out.push(spec(o, hash === -1 ? v : v.slice(0, hash), hash === -1 ? null : v.slice(hash), 'vcs', hash !== -1));
      continue;
    }
    if (/\.(tgz|tar\.gz|tar)$/.test(v) || /^https?:/.test(v)) { out.push(spec(o, v, null, 'url', true)); continue; }
    if (/^(file:|[./~])/.test(v)) { out.push(spec(o, v, null, 'path', true)); continue; }
    const at = v.lastIndexOf('@');
    const name = at > 0 ? v.slice(0, at) : v;
    const version = at > 0 ? v.slice(at + 1) : '';
    out.push(spec(o, name, at > 0 ? '@' + version : null, 'registry', version !== '' && !['latest', 'next', '*', 'x'].includes(version)));
  }
  return out;
}

/** gem install: name:version, or a -v/--version for every gem of the command. */
function gemPackages(p: Parsed): PackageSpec[] {
  const versioned = p.opts.some((o) => o.name === 'v' || o.name === 'version');
  return p.operands.filter((o) => usable(o.value)).map((o) => {
    const colon = o.value.indexOf(':');
    const name = colon === -1 ? o.value : o.value.slice(0, colon);
    return spec(o, name, colon === -1 ? null : o.value.slice(colon), o.value.endsWith('.gem') ? 'path' : 'registry', versioned || colon !== -1 || o.value.endsWith('.gem'));
  });
}

/** go install / go get: module@version; @latest is not a version. A local path, a package of the main
 *  module or the standard library, and the `tool`/`all`/`std` patterns (no domain in the first path
 *  element: versions from go.mod) are the build itself. */
function goPackages(p: Parsed): PackageSpec[] {
  return p.operands.filter((o) => usable(o.value)).map((o) => {
    const v = o.value;
    if (v === '.' || isPathLike(v) || v.startsWith('/') || !v.split('/')[0].split('@')[0].includes('.')) return spec(o, v, null, 'path', true);
    const at = v.lastIndexOf('@');
    const version = at > 0 ? v.slice(at + 1) : null;
    return spec(o, at > 0 ? v.slice(0, at) : v, version === null ? null : '@' + version, 'registry', version !== null && version !== 'latest' && version !== 'upgrade' && version !== 'patch');
  });
}

function packagesOf(tool: Tool, verb: Verb | null, p: Parsed): PackageSpec[] {
  if (verb !== 'install') return [];
  switch (tool) {
    case 'pip': case 'pipx': return pipPackages(p);
    case 'npm': case 'pnpm': case 'bun': return npmPackages(p);
    case 'yarn': return npmPackages(p, p.sub === 'global' ? 1 : 0);
    case 'gem': return gemPackages(p);
    case 'go': return goPackages(p);
    default: return osPackages(tool, p);
  }
}

// ---------------------------------------------------------------------------------------------
// Environment, caches, lockfiles

/** A variable of the environment, undefined when it is not set. */
export function envValue(env: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}

const TRUTHY = new Set(['1', 'true', 'yes', 'on', 'y', 't']);
/** A boolean setting as the tools read it from the environment (1/true/yes/on, any case). */
export const truthy = (v: string | undefined): boolean => v !== undefined && TRUTHY.has(v.trim().toLowerCase());

/** The directories each tool caches downloads in (a cache or tmpfs mount over one of them counts as
 *  a cleanup). */
const CACHE_DIRS: Readonly<Record<Tool, readonly string[]>> = {
  'apt-get': ['/var/cache/apt', '/var/lib/apt/lists'],
  apt: ['/var/cache/apt', '/var/lib/apt/lists'],
  aptitude: ['/var/cache/apt', '/var/lib/apt/lists'],
  apk: ['/var/cache/apk', '/etc/apk/cache'],
  yum: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  dnf: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  microdnf: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
  pip: ['/root/.cache/pip', '/root/.cache'],
  pipx: ['/root/.cache/pip', '/root/.cache'],
  npm: ['/root/.npm', '/root/.npm/_cacache'],
  yarn: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'],
  pnpm: ['/root/.local/share/pnpm/store', '/pnpm/store', '/root/.cache/pnpm'],
  bun: ['/root/.bun/install/cache'],
  gem: ['/root/.gem', '/usr/local/bundle/cache'],
  go: ['/root/.cache/go-build', '/go/pkg/mod', '/root/go/pkg/mod'],
};

/** True when a cache or tmpfs mount covers one of the directories (the directory itself, a parent or a
 *  child of it). */
export function mountCovers(mounts: readonly Mount[], dirs: readonly string[]): boolean {
  return mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== ''
    && dirs.some((d) => m.target === d || d.startsWith(m.target + '/') || m.target.startsWith(d + '/')));
}

/** A mount over the tool's cache, wherever the user's home is: hadolint accepts any target that ends in
 *  the tool's cache folder (…/.cache/pip, …/.cache/yarn). */
function cacheMounted(tool: Tool, mounts: readonly Mount[]): boolean {
  if (mountCovers(mounts, CACHE_DIRS[tool])) return true;
  const tail = tool === 'pip' || tool === 'pipx' ? /(^|\/)\.cache(\/pip)?$|\/pip$/ : tool === 'yarn' ? /(^|\/)\.cache\/yarn$|\/yarn(\/berry)?\/cache$/
    : tool === 'npm' ? /(^|\/)\.npm(\/_cacache)?$/ : null;
  return tail !== null && mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && tail.test(m.target));
}

function isFrozen(tool: Tool, verb: Verb | null, p: Parsed, env: Readonly<Record<string, string>>): boolean {
  if (verb === 'ci') return true;
  if (verb !== 'install') return false;
  switch (tool) {
    case 'yarn': return has(p.opts, 'frozen-lockfile', 'immutable', 'pure-lockfile');
    // pnpm turns --frozen-lockfile on by itself when it runs in CI (the CI variable set)
    case 'pnpm': {
      const ci = envValue(env, 'CI');
      return has(p.opts, 'frozen-lockfile') || (ci !== undefined && ci !== '' && !/^(0|false)$/i.test(ci) && !has(p.opts, 'no-frozen-lockfile'));
    }
    case 'bun': return has(p.opts, 'frozen-lockfile');
    default: return false;
  }
}

/** The --mount flags of a RUN, parsed (type defaults to bind, as in BuildKit). */
function runMounts(instr: Instruction): Mount[] {
  const out: Mount[] = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    let type = 'bind';
    let target = '';
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      const k = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
      const v = eq === -1 ? '' : part.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
      if (k === 'type') type = v.toLowerCase();
      else if (k === 'target' || k === 'dst' || k === 'destination') target = v.replace(/\/+$/, '');
    }
    out.push({ type, target });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The fact

/** Reads one command as a package-manager invocation; null when it runs none (or is a dry run).
 *  `env` is the environment in force before the command's own assignments. */
function readCall(cmd: ShellCommand, position = 0, env: Readonly<Record<string, string>> = {}, mounts: readonly Mount[] = []): PackageCall | null {
  const t = toolOf(cmd);
  if (!t) return null;
  const { tool } = t;
  const p = readArgs(cmd.argv, t.first, SPECS[tool], tool === 'gem');
  if (isDryRun(tool, p.opts)) return null;
  if ((tool === 'yum' || tool === 'dnf' || tool === 'microdnf') && (p.sub === 'group' || p.sub === 'groups' || p.sub === 'module') && p.operands[0]?.value === 'install') {
    p.sub = `${p.sub === 'groups' ? 'group' : p.sub} install`;
    p.operands = p.operands.slice(1);
  }
  if (tool === 'go' && p.sub !== 'install' && p.sub !== 'get' && p.sub !== 'clean') {
    // go build, go mod download…: not an install (their operands are packages of the module being built);
    // `go run module@version` fetches and runs a module like go install does
    const remote = p.sub === 'run' && p.operands[0] && p.operands[0].value.includes('@') ? goPackages({ ...p, operands: [p.operands[0]] }) : [];
    return { tool, cmd, position, sub: p.sub, subIndex: p.subIndex, verb: p.sub === null ? null : p.sub === 'run' ? 'run' : 'other', opts: p.opts, operands: p.operands,
      packages: remote, env: withAssignments(env, cmd), cacheMounted: cacheMounted(tool, mounts), frozen: false, global: false };
  }
  const verb = verbOf(tool, p);
  const cmdEnv = withAssignments(env, cmd);
  return {
    tool, cmd, position, sub: p.sub, subIndex: p.subIndex, verb, opts: p.opts, operands: p.operands,
    packages: packagesOf(tool, verb, p),
    env: cmdEnv,
    cacheMounted: cacheMounted(tool, mounts),
    frozen: isFrozen(tool, verb, p, cmdEnv),
    global: has(p.opts, 'g', 'global') || (tool === 'yarn' && p.sub === 'global'),
  };
}

function withAssignments(env: Readonly<Record<string, string>>, cmd: ShellCommand): Readonly<Record<string, string>> {
  if (cmd.assignments.length === 0) return env;
  const out = { ...env };
  for (const a of cmd.assignments) assign(out, a);
  return out;
}

function assign(env: Record<string, string>, a: string): void {
  const eq = a.indexOf('=');
  if (eq > 0) env[a.slice(0, eq)] = a.slice(eq + 1);
}

const XARGS_VALUE = new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--eof', '--replace', '--max-lines',
  '--max-args', '--max-procs', '--max-chars', '--process-slot-var']);

/** `xargs -r apt-get install -y < deps.txt`: the command xargs runs, as the rules see it. */
export function unwrapXargs(cmd: ShellCommand): ShellCommand {
  if (cmd.name !== 'xargs') return cmd;
  let i = 1;
  while (i < cmd.argv.length && cmd.argv[i].startsWith('-')) {
    const a = cmd.argv[i];
    i += XARGS_VALUE.has(a) ? 2 : 1;
    if (a === '--') break;
  }
  const rest = cmd.argv.slice(i);
  if (rest.length === 0) return cmd;
  const argv0 = rest[0];
  return {
    ...cmd, name: argv0.slice(argv0.lastIndexOf('/') + 1), argv: rest, spans: cmd.spans.slice(i), via: [...cmd.via, 'xargs'],
    wrappers: [...cmd.wrappers, { word: cmd.argv[0], span: cmd.spans[0] ?? null, args: cmd.argv.slice(1, i) }],
  };
}

/** The package-manager invocations of one RUN, given the environment in force at it (ENV and ARG).
 *  Commands are read in order; `export VAR=…` (and a bare `VAR=…`) changes the environment of the
 *  commands after it. */
export function readRun(instr: Instruction, onbuild: boolean, env: Readonly<Record<string, string>>): PackageRun | null {
  let mounts: Mount[] | null = null;
  let calls: PackageCall[] | null = null;
  let current = env;
  const commands = instr.commands.some((c) => c.name === 'xargs') ? instr.commands.map(unwrapXargs) : instr.commands;
  for (let i = 0; i < commands.length; i++) {
    const cmd = commands[i];
    if (cmd.name === 'export' || (cmd.name === '' && cmd.assignments.length)) {
      const words = cmd.name === 'export' ? cmd.argv.slice(1) : cmd.assignments;
      if (words.some((w) => w.includes('='))) {
        const next = { ...current };
        for (const w of words) assign(next, w);
        current = next;
      }
      continue;
    }
    if (toolOf(cmd) === null) continue;
    mounts ??= runMounts(instr);
    const call = readCall(cmd, i, current, mounts);
    if (call) (calls ??= []).push(call);
  }
  if (!calls) return null;
  return { instr, onbuild, commands, calls, mounts: mounts ?? [] };
}
