import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Instruction, ShellCommand } from '../../targets/dockerfile/model.js';
import { shellCommands } from '../../targets/dockerfile/shell.js';
import { assessValue, isPlaceholder, redact } from '../../secrets/names.js';
import { isTestPath, severityFor } from '../../secrets/confidence.js';
import { findTokens } from '../../secrets/tokens.js';
import { commandNameRange, findInInstruction } from './util/ranges.js';
import { hasUnresolved } from './util/values.js';
import { lineStart, rangeAt } from '../../targets/dockerfile/facts.js';

/** Long options whose value is a credential. */
const SECRET_OPTIONS = new Set([
  'password', 'passwd', 'pass', 'db-password', 'admin-password', 'http-password', 'ftp-password', 'proxy-password',
  'token', 'auth-token', 'access-token', 'api-key', 'apikey', 'secret', 'client-secret', 'secret-key',
  'access-key', 'secret-access-key', 'registry-password', 'otp', 'private-key-passphrase',
]);
/** Commands where `-p<value>` (attached) or `-p value` is a password. */
const SHORT_P_PASSWORD: Record<string, 'attached' | 'both'> = {
  mysql: 'attached', mysqldump: 'attached', mysqladmin: 'attached', mariadb: 'attached', 'mariadb-dump': 'attached',
  sshpass: 'both', docker: 'both', podman: 'both', buildah: 'both', skopeo: 'both', helm: 'both', oras: 'both',
};

interface Hit { value: string; what: string; cmd: ShellCommand | null }

/** Instructions whose text is kept in the image (history or configuration). */
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

function literal(value: string): boolean {
  const v = value.trim();
  return v.length >= 3 && !hasUnresolved(v) && !v.includes('$(') && !isPlaceholder(v) && !v.startsWith('/run/secrets/');
}

const LONG_OPTION = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i;

function optionHits(cmd: ShellCommand): Hit[] {
  const hits: Hit[] = [];
  const argv = cmd.argv;
  const mode = Object.hasOwn(SHORT_P_PASSWORD, cmd.name) ? SHORT_P_PASSWORD[cmd.name] : undefined;
  const fetcher = cmd.name === 'curl' || cmd.name === 'wget';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const long = a.startsWith('--') ? LONG_OPTION.exec(a) : null;
    if (long && SECRET_OPTIONS.has(long[1].toLowerCase())) {
      const value = long.at(2) ?? argv.at(i + 1);
      if (value !== undefined && !value.startsWith('-') && literal(value)) hits.push({ value, what: `${cmd.name} --${long[1]}`, cmd });
      continue;
    }
    if (mode && a.startsWith('-p') && !a.startsWith('--')) {
      if (a.length > 2 && /^-p[^=\s]/.test(a)) {
        if (literal(a.slice(2))) hits.push({ value: a.slice(2), what: `${cmd.name} -p`, cmd });
      } else if (a === '-p' && mode === 'both' && argv.at(i + 1) !== undefined && literal(argv[i + 1])) {
        // docker/podman -p is --password only for `login`; elsewhere it is a port
        if ((cmd.name !== 'docker' && cmd.name !== 'podman' && cmd.name !== 'buildah' && cmd.name !== 'helm' && cmd.name !== 'oras' && cmd.name !== 'skopeo') || argv.includes('login')) {
          hits.push({ value: argv[i + 1], what: `${cmd.name} -p`, cmd });
        }
      }
    }
    // curl -u user:password / --user user:password
    if (fetcher && (a === '-u' || a === '--user') && argv[i + 1]) {
      const up = argv[i + 1];
      const colon = up.indexOf(':');
      if (colon > 0 && literal(up.slice(colon + 1))) hits.push({ value: up.slice(colon + 1), what: `${cmd.name} ${a} user:password`, cmd });
    }
  }
  return hits;
}

function locate(model: DockerfileModel, instr: Instruction, value: string, cmd: ShellCommand | null) {
  const from = cmd ? Math.max(lineStart(model, cmd.line), instr.range.start.offset) : instr.range.start.offset;
  return findInInstruction(model, instr, value, from) ?? findInInstruction(model, instr, value, instr.range.start.offset)
    ?? (cmd ? commandNameRange(model, instr, cmd) : instr.argsRange);
}

export default defineRule({
  id: 'dockerfile/secret-in-run',
  target: 'dockerfile',
  title: 'Literal secret in a command or inline file',
  severity: 'error',
  level: 'hardened',
  rationale:
    'The text of every RUN instruction is stored in the image history (`docker history --no-trunc`), CMD, ' +
    'ENTRYPOINT and HEALTHCHECK in the image configuration, inline files (`COPY <<EOF`) in the image itself, and ' +
    'all of it in the Dockerfile\'s version control, so a token or password written there leaks to everyone who ' +
    'can read any of them — even when the command itself deletes what it downloaded. The rule looks for well-known token ' +
    'shapes (AWS key ids, GitHub/GitLab/Slack/npm/Stripe tokens, JWTs, private keys, URLs with a password, ' +
    '`Authorization:` headers) and for literal values of password options (`--password=…`, `mysql -p…`, ' +
    '`docker login -p …`, `sshpass -p …`, `curl -u user:password`). Values from variables and /run/secrets are ' +
    'fine. A verified shape (checksum or structure checked, a private key with its body) is an error; a ' +
    'literal password option, a URL password or a bearer token is a warning when the value looks generated ' +
    'and info otherwise (see docs/secrets.md). Values are never printed in full.',
  remediation:
    'Use a BuildKit secret mount and read the secret from the file or variable it provides: `RUN ' +
    '--mount=type=secret,id=gh_token,env=GH_TOKEN git clone https://x-access-token:$GH_TOKEN@github.com/org/repo` ' +
    'with `docker build --secret id=gh_token,env=GH_TOKEN .`. Rotate the leaked secret.',
  references: [
    'CIS Docker Benchmark 4.10 (Ensure secrets are not stored in Dockerfiles)',
    'https://docs.docker.com/build/building/secrets/',
  ],
  equivalents: {
    trivy: ['DS-0031'],
    kics: ['Passwords And Secrets In Infrastructure Code Docker'],
    cis: ['4.10'],
  },
  examples: {
    bad:
      'FROM mysql:8.4\nCOPY schema.sql /tmp/\nRUN mysql -h db -u admin -pS3cretPassw0rd app < /tmp/schema.sql\n',
    good:
      'FROM mysql:8.4\nCOPY schema.sql /tmp/\nRUN --mount=type=secret,id=db_password \\\n' +
      '    mysql -h db -u admin -p"$(cat /run/secrets/db_password)" app < /tmp/schema.sql\n',
  },
  check(model, ctx) {
    // under test and fixture folders only verified shapes are more than info
    const testFile = isTestPath(ctx.path);
    for (const instr of model.instructions) {
      const kw = instr.keyword === 'ONBUILD' ? (instr.args.trim().split(/\s+/)[0] ?? '').toUpperCase() : instr.keyword;
      const isCommand = COMMAND_KEYWORDS.has(kw);
      const isInlineFile = (kw === 'COPY' || kw === 'ADD') && instr.heredocs.length > 0;
      if (!isCommand && !isInlineFile) continue;
      const seen = new Set<number>();
      // commands: the whole instruction text; COPY/ADD: only the inline file bodies
      const spans = isCommand
        ? [[instr.range.start.offset, instr.range.end.offset] as const]
        : instr.heredocs.map((h) => [h.range.start.offset, h.range.end.offset] as const);
      for (const [from, to] of spans) {
        const raw = model.text.slice(from, to);
        for (const t of findTokens(raw)) {
          const start = from + t.index;
          seen.add(start);
          const where = isCommand
            ? `${instr.keyword} contains a ${t.label} (${redact(raw.slice(t.index, t.index + t.length))}); ${instr.keyword === 'RUN' ? 'it is stored in the image history' : 'it is stored in the image configuration'}.`
            : `The inline file of this ${kw} contains a ${t.label} (${redact(raw.slice(t.index, t.index + t.length))}); it is written into the image.`;
          ctx.report({
            message: `${where} Use RUN --mount=type=secret.`,
            range: rangeAt(model, start, start + t.length),
            severity: severityFor(testFile && t.confidence !== 'verified' ? 'possible' : t.confidence),
            sensitive: true,
            secrets: [raw.slice(t.index, t.index + t.length)],
          });
        }
      }
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of shellCommands(instr, model)) {
        for (const hit of optionHits(cmd)) {
          const range = locate(model, instr, hit.value, hit.cmd);
          if (seen.has(range.start.offset)) continue;
          seen.add(range.start.offset);
          // a password option with a literal: a warning when the value looks generated, else info
          ctx.report({
            message: `${hit.what} is given a literal password (${redact(hit.value)}); it is stored in the image history. Use RUN --mount=type=secret.`,
            range,
            severity: !testFile && assessValue(hit.value) === 'strong' ? 'warning' : 'info',
            sensitive: true,
            secrets: [hit.value],
          });
        }
      }
    }
  },
});
