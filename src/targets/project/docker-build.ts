// Reads an image build command line: `docker build`, `docker image build`, `docker buildx build`,
// `podman build`, `podman image build`, `buildah bud`/`buildah build`, `nerdctl build`: the
// Dockerfile (-f), the context (the positional word), --target, --build-arg, --build-context
// and podman's --ignorefile. Paths stay as written; the caller resolves them. No I/O.

export interface BuildCommand {
  file?: string;
  context: string;
  target?: string;
  args: Record<string, string>;
  namedContexts: Record<string, string>;
  ignoreFile?: string;
  tags: string[];
  /** Flags not in the table (assumed to take no value). */
  unknown: string[];
}

/** Flags that take a value (long names; short ones are mapped). */
const VALUE_FLAGS = new Set([
  'file', 'tag', 'target', 'build-arg', 'build-context', 'platform', 'label', 'cache-from', 'cache-to', 'secret', 'ssh',
  'output', 'network', 'progress', 'iidfile', 'metadata-file', 'add-host', 'cgroup-parent', 'shm-size', 'ulimit', 'memory',
  'memory-swap', 'cpu-period', 'cpu-quota', 'cpu-shares', 'cpuset-cpus', 'cpuset-mems', 'isolation', 'security-opt', 'allow',
  'attest', 'annotation', 'call', 'builder', 'no-cache-filter', 'ignorefile', 'format', 'build-arg-file', 'authfile', 'creds',
  'jobs', 'manifest', 'os', 'arch', 'variant', 'volume', 'env', 'userns', 'uts', 'ipc', 'pid', 'cap-add', 'cap-drop', 'device',
  'dns', 'dns-option', 'dns-search', 'from', 'layer-label', 'logfile', 'retry', 'retry-delay', 'runtime', 'runtime-flag',
  'sign-by', 'skip-unused-stages', 'squash-all', 'timestamp', 'unsetenv', 'unsetlabel', 'decryption-key', 'cert-dir',
  'hooks-dir', 'cpp-flag', 'os-feature', 'os-version', 'platforms', 'cw', 'sbom-output', 'pull-policy', 'identity-label',
  'inherit-labels', 'userns-uid-map', 'userns-gid-map', 'userns-uid-map-user', 'userns-gid-map-group', 'group-add',
]);
const BOOL_FLAGS = new Set([
  'load', 'push', 'pull', 'no-cache', 'quiet', 'rm', 'force-rm', 'squash', 'compress', 'disable-compression', 'layers',
  'debug', 'check', 'help', 'stdin', 'all-platforms', 'omit-history', 'tls-verify', 'disable-content-trust', 'no-hosts',
  'no-hostname', 'http-proxy', 'identity-label', 'rusage-logfile', 'unsetenv', 'sbom', 'provenance', 'iidfile-raw',
]);
const SHORT: Record<string, string> = { f: 'file', t: 'tag', o: 'output', q: 'quiet', m: 'memory', v: 'volume', e: 'env' };

/** The index in argv where the build flags start, or -1 when argv is not an image build. */
export function buildVerbAt(argv: string[]): number {
  const name = (argv[0] ?? '').replace(/^.*\//, '');
  let i = 1;
  // global options before the verb: `docker --context x build`, `podman --remote build`
  while (i < argv.length && argv[i].startsWith('-')) {
    const o = argv[i];
    i++;
    if (!o.includes('=') && /^(?:-c|--context|-H|--host|--config|--log-level|-l|--connection|--url|--root|--runroot|--storage-driver)$/.test(o)) i++;
  }
  const a = argv[i];
  const b = argv[i + 1];
  if (name === 'docker' || name === 'nerdctl' || name === 'podman') {
    if (a === 'build' || a === 'builder' && b === 'build') return a === 'build' ? i + 1 : i + 2;
    if (a === 'image' && b === 'build') return i + 2;
    if (name === 'docker' && a === 'buildx' && (b === 'build' || b === 'b')) return i + 2;
  }
  if (name === 'docker-buildx' && a === 'build') return i + 1;
  if (name === 'buildah' && (a === 'bud' || a === 'build' || a === 'build-using-dockerfile')) return i + 1;
  return -1;
}

/** Parses an image build command line; null when argv is not one. */
export function parseBuildCommand(argv: string[]): BuildCommand | null {
  let i = buildVerbAt(argv);
  if (i < 0) return null;
  const out: BuildCommand = { context: '', args: {}, namedContexts: {}, tags: [], unknown: [] };
  const positional: string[] = [];
  const take = (flag: string, value: string): void => {
    switch (flag) {
      case 'file': out.file = value; break;
      case 'target': out.target = value; break;
      case 'tag': out.tags.push(value); break;
      case 'ignorefile': out.ignoreFile = value; break;
      case 'build-arg': {
        const eq = value.indexOf('=');
        // `--build-arg NAME` passes NAME from the environment: its value is unknown here
        out.args[eq < 0 ? value : value.slice(0, eq)] = eq < 0 ? `\${${value}}` : value.slice(eq + 1);
        break;
      }
      case 'build-context': {
        const eq = value.indexOf('=');
        if (eq > 0) out.namedContexts[value.slice(0, eq)] = value.slice(eq + 1);
        break;
      }
      default: break;
    }
  };
  for (; i < argv.length; i++) {
    const w = argv[i];
    if (w === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const flag = eq < 0 ? w.slice(2) : w.slice(2, eq);
      if (eq >= 0) { take(flag, w.slice(eq + 1)); continue; }
      if (VALUE_FLAGS.has(flag)) { take(flag, argv[++i] ?? ''); continue; }
      if (!BOOL_FLAGS.has(flag)) out.unknown.push(w);
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      // a cluster of short flags: the first that takes a value takes the rest or the next word
      for (let k = 1; k < w.length; k++) {
        const long = SHORT[w[k]];
        if (long && VALUE_FLAGS.has(long)) {
          const rest = w.slice(k + 1).replace(/^=/, '');
          take(long, rest || (argv[++i] ?? ''));
          break;
        }
        if (!long) out.unknown.push(`-${w[k]}`);
      }
      continue;
    }
    positional.push(w);
  }
  out.context = positional[0] ?? '';
  return out;
}

/** A context or Dockerfile argument that is not a local path: a URL, a git remote or stdin. */
export function isRemote(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^git@/.test(s) || /^github\.com\//.test(s) || /\.git(?:#.*)?$/.test(s) && /[:@]/.test(s);
}
