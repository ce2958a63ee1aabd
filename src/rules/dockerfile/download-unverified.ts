import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';
import { commandRange, pipelines, runs, runsAny } from './util/runs.js';
import { downloadOf, isInterpreter } from './util/fetch.js';

const CHECKSUM_TOOLS = /^(sha(1|224|256|384|512)sum|md5sum|b2sum|b3sum|shasum|sha\d+|rhash|cksum)$/;
/** Commands after a digest in a pipeline that compare it with a pinned value. */
const COMPARERS = ['grep', 'cmp', 'diff', 'awk'];
const CHECKSUM_FILE = /(sha\d*sums?|checksums?|\.sha\d+(sum)?|\.md5|\.asc|\.sig|\.sign|\.minisig|\.pem|\.crt|\.bundle|\.intoto\.jsonl|\.att)$/i;
const EXTRACTORS = new Set(['tar', 'bsdtar', 'unzip', 'gunzip', 'bunzip2', 'unxz', 'xz', 'gzip', 'zstd', 'unzstd', '7z', '7za', 'cpio', 'dpkg', 'dpkg-deb', 'rpm', 'rpm2cpio']);
const BIN_DIR = /(^|\/)(s?bin)(\/|$)/;

/** `${X}` written as `$X`, without a leading `./` (most words have neither: returned as they are). */
const norm = (s: string): string => {
  const t = s.includes('${') ? s.replace(/\$\{(\w+)\}/g, '$$$1') : s;
  return t.startsWith('./') ? t.slice(2) : t;
};

/** `-c`, `--check`, `--check=…`, or `-c` among short flags (`-wc`, `-sc`). */
function hasCheckFlag(args: string[]): boolean {
  return args.some((x) => x === '-c' || x === '--check' || x.startsWith('--check=') || /^-[a-zA-Z]*c[a-zA-Z]*$/.test(x));
}

/** The command compares a digest it prints with something further down its pipeline. */
function comparedInPipeline(cmd: ShellCommand, pipeline: readonly ShellCommand[]): boolean {
  const pos = pipeline.indexOf(cmd);
  return pos >= 0 && pipeline.slice(pos + 1).some((c) => COMPARERS.includes(c.name));
}

function isVerification(cmd: ShellCommand, pipeline: readonly ShellCommand[]): boolean {
  // busybox sha256sum -c: the applet is the command
  const a = cmd.name === 'busybox' ? cmd.argv.slice(1) : cmd.argv;
  const name = cmd.name === 'busybox' ? (a[0] ?? '').replace(/^.*\//, '') : cmd.name;
  if (CHECKSUM_TOOLS.test(name)) {
    // sha256sum -c, shasum -a 256 -c, cksum -a sha256 --check; or sha256sum f | grep -q <hash> / | cmp / | diff
    return hasCheckFlag(a.slice(1)) || comparedInPipeline(cmd, pipeline);
  }
  if (name === 'gpg' || name === 'gpg2') return a.some((x) => x === '--verify' || x.startsWith('--verify'));
  if (name === 'gpgv' || name === 'gpgv2' || name === 'signify' || name === 'slsa-verifier') return true;
  if (name === 'cosign') return a.slice(1).some((x) => x.startsWith('verify'));
  if (name === 'minisign') return a.some((x) => /^-[a-zA-Z]*V/.test(x));
  // Sequoia (sq verify), OpenSSH signatures (ssh-keygen -Y verify), GitHub attestations
  if (name === 'sq' || name === 'sqv') return name === 'sqv' || a.includes('verify');
  if (name === 'ssh-keygen') return a.includes('-Y') && a.includes('verify');
  if (name === 'gh') return a[1] === 'attestation' && a[2] === 'verify';
  if (name === 'openssl') {
    // openssl dgst -verify/-signature: a signature; openssl dgst -sha256 f | grep <hash>, openssl sha256 f | …: a digest compared
    if (a.includes('dgst') && a.some((x) => x === '-verify' || x === '-signature' || x === '-prverify')) return true;
    return (a[1] === 'dgst' || /^(sha\d+|md5|sha3-\d+)$/.test(a[1] ?? '')) && comparedInPipeline(cmd, pipeline);
  }
  if (name === '[' || name === 'test' || name === '[[') return /sha\d*sum|md5sum|shasum|b[23]sum|cksum|openssl\s+(dgst|sha\d+|md5)\b/.test(cmd.text + ' ' + a.join(' '));
  return false;
}

interface Fetched { file: string; base: string; index: number; cmd: ShellCommand; tool: string }

function mentions(words: string[], f: Fetched): boolean {
  return words.some((w) => {
    const n = norm(w);
    return n === norm(f.file) || n === f.base || n.endsWith('/' + f.base) || (n.startsWith('-') && n.length > f.base.length && n.endsWith(f.base));
  });
}

/** How a command uses a downloaded file, or null. */
function useOf(cmd: ShellCommand, f: Fetched): string | null {
  const args = cmd.argv.slice(1);
  if (mentions([cmd.argv[0] ?? ''], f)) return 'executed';
  if (!mentions(args, f)) return null;
  const n = cmd.name;
  if (EXTRACTORS.has(n)) return `unpacked by ${n}`;
  if (n === 'chmod' && args.some((a) => /^[ugoa]*\+[rwX]*x/.test(a) || /^[0-7]*[1357][0-7]{0,2}$/.test(a) && a.length >= 3)) return 'made executable';
  if (isInterpreter(n) || n === 'source' || n === '.' || n === 'java') return `run by ${n}`;
  if ((n === 'mv' || n === 'cp' || n === 'install' || n === 'ln') && BIN_DIR.test(args[args.length - 1] ?? '')) return `installed to ${args[args.length - 1]}`;
  if (['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'pip', 'pip3', 'npm', 'gem'].includes(n)) return `installed by ${n}`;
  return null;
}

export default defineRule({
  id: 'dockerfile/download-unverified',
  target: 'dockerfile',
  title: 'Downloaded file used without checksum or signature verification',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'A file fetched with curl or wget and then unpacked, made executable, installed or run becomes part of the ' +
    'image on trust alone: a compromised mirror or release page, a hijacked domain, or a man in the middle (TLS ' +
    'only proves who served it, not what was published) puts arbitrary code into the image, and the next build may ' +
    'get a different file. A checksum pinned in the Dockerfile, or a signature checked against a pinned key, ties the ' +
    'build to the exact bytes that were reviewed. Piping a download straight into tar or dpkg is the same problem.',
  remediation:
    'Pin the expected digest and check it before use: `curl -fsSLo app.tgz "$URL" && echo "$APP_SHA256  app.tgz" | ' +
    'sha256sum -c - && tar -xzf app.tgz`, or verify a signature (`gpg --batch --verify app.tgz.asc app.tgz`, ' +
    '`cosign verify-blob`, `minisign -V`). For single files, `ADD --checksum=sha256:… <url>` does both.',
  references: [
    'CIS Docker Benchmark 4.11 (Ensure only verified packages are installed)',
    'https://docs.docker.com/reference/dockerfile/#verifying-a-remote-file-checksum-add---checksumchecksum-http-src-dest',
  ],
  equivalents: { cis: ['4.11'] },
  examples: {
    bad: 'FROM debian:12-slim\nARG TINI_VERSION=v0.19.0\nRUN curl -fsSLo /usr/local/bin/tini https://github.com/krallin/tini/releases/download/${TINI_VERSION}/tini-amd64 \\\n && chmod +x /usr/local/bin/tini\n',
    good: 'FROM debian:12-slim\nARG TINI_VERSION=v0.19.0\nARG TINI_SHA256=93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c\nRUN curl -fsSLo /usr/local/bin/tini https://github.com/krallin/tini/releases/download/${TINI_VERSION}/tini-amd64 \\\n && echo "${TINI_SHA256}  /usr/local/bin/tini" | sha256sum -c - \\\n && chmod +x /usr/local/bin/tini\n',
  },
  check(model, context) {
    for (const run of runs(model)) {
      if (!runsAny(run, 'curl', 'wget')) continue;
      const pipes = pipelines(run.cmds);
      const pipeOf = new Map<ShellCommand, readonly ShellCommand[]>();
      for (const p of pipes) for (const c of p) pipeOf.set(c, p);
      const fetched: Fetched[] = [];
      const reported = new Set<ShellCommand>();
      const report = (f: { cmd: ShellCommand; tool: string }, what: string) => {
        if (reported.has(f.cmd)) return;
        reported.add(f.cmd);
        const words = run.locator.locate(f.cmd, 0);
        context.report({ range: commandRange(model, run, f.cmd, words ? words.slice(0, 1) : null), message: what });
      };
      run.cmds.forEach((cmd, index) => {
        const pipeline = pipeOf.get(cmd) ?? [cmd];
        // a verification covers the downloads it names, or all earlier ones when it names only checksum/signature files
        if (isVerification(cmd, pipeline)) {
          const words = pipeline.flatMap((c) => c.argv.flatMap((a) => a.split(/[\s*]+/)));
          const named = fetched.filter((f) => !CHECKSUM_FILE.test(f.base) && mentions(words, f));
          const covered = named.length ? named : fetched;
          for (const f of covered) f.index = -1;
          return;
        }
        const dl = downloadOf(cmd);
        if (dl && dl.file === null) {
          const pos = pipeline.indexOf(cmd);
          const sink = pipeline.slice(pos + 1).find((c) => EXTRACTORS.has(c.name));
          if (sink) report({ cmd, tool: dl.tool }, `${dl.tool} output piped into ${sink.name} is unpacked without a checksum or signature check`);
          return;
        }
        if (dl && dl.file !== null) {
          const base = norm(dl.file.slice(dl.file.lastIndexOf('/') + 1));
          if (base && base.length >= 2) fetched.push({ file: dl.file, base, index, cmd, tool: dl.tool });
          return;
        }
        for (const f of fetched) {
          if (f.index < 0 || CHECKSUM_FILE.test(f.base)) continue;
          const use = useOf(cmd, f);
          if (use) report(f, `${f.base} downloaded by ${f.tool} is ${use} (line ${cmd.line}) without a checksum or signature check`);
        }
      });
    }
  },
});
