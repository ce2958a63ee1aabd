import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../targets/dockerfile/model.js';
import { argsSourceOffset } from '../../targets/dockerfile/parse.js';
import { assessValue, isSecretName, isWordLike, redact } from '../../secrets/names.js';
import { isTestPath, severityFor, type Confidence } from '../../secrets/confidence.js';
import { findTokens } from '../../secrets/tokens.js';
import { type KeyValue, keyValues } from './util/values.js';
import { rangeAt } from './util/ranges.js';

/** Values that are clearly configuration, not credentials, even under a secret-sounding name. */
function looksLikeConfiguration(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(value) || /^\/[^\s]*$/.test(value);
}

function referencedVariable(value: string): string | null {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?:[:?+-][^}]*)?\}?$/.exec(value.trim());
  return m ? m[1] : null;
}

function pairRange(model: DockerfileModel, instr: Instruction, kv: KeyValue) {
  const start = argsSourceOffset(instr, kv.keyIndex);
  const endIndex = kv.valueIndex >= 0 ? kv.valueIndex + kv.rawValue.length : kv.keyIndex + kv.key.length;
  return rangeAt(model, start, Math.max(start, argsSourceOffset(instr, endIndex)));
}

export default defineRule({
  id: 'dockerfile/secret-in-env-arg',
  target: 'dockerfile',
  title: 'Secret in ENV, ARG or LABEL',
  severity: 'error',
  level: 'hardened',
  rationale:
    'ENV values are stored in the image configuration and visible to anyone who can pull the image ' +
    '(`docker inspect`), and to every process in the container. ARG values passed with --build-arg are recorded ' +
    'in the image history and build cache. A literal value in the Dockerfile is also in version control. So a ' +
    'secret in either — found by its name (DB_PASSWORD, API_KEY, GITHUB_TOKEN, …) with a value that is not a ' +
    'placeholder, or by its shape (AWS access key ids, GitHub/GitLab/Slack/npm/Stripe tokens, JWTs, URLs with a ' +
    'password) — is reported: an error when the shape is verified (checksum or structure), a warning when only ' +
    'the name says secret and the value looks generated, info for a weak literal. An ARG named like a secret, even without a value, is a warning: it invites ' +
    '`--build-arg TOKEN=…`, which leaks. An ENV that copies such a build argument into the image is a warning ' +
    'too. LABEL values (public image metadata) are checked for credential shapes. ' +
    '`*_FILE` variables pointing at /run/secrets/… are the right pattern and are not flagged. Values are ' +
    'never printed in full.',
  remediation:
    'Pass build-time secrets with BuildKit secret mounts: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN ' +
    'npm ci` and `docker build --secret id=npm_token,env=NPM_TOKEN .`. Give runtime secrets at run time ' +
    '(orchestrator secrets, `docker run --env-file`, or `*_FILE=/run/secrets/…`). Rotate any secret that was ' +
    'committed or built into an image.',
  references: [
    'CIS Docker Benchmark 4.10 (Ensure secrets are not stored in Dockerfiles)',
    'https://docs.docker.com/build/building/secrets/',
    'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
  ],
  equivalents: {
    hadolint: ['DL3064'],
    trivy: ['DS-0031'],
    kics: ['Passwords And Secrets In Infrastructure Code Docker'],
    dockle: ['CIS-DI-0010'],
    buildkit: ['SecretsUsedInArgOrEnv'],
    cis: ['4.10'],
  },
  examples: {
    bad: 'FROM node:22-bookworm-slim\nENV DB_PASSWORD=s3cr3t-Pa55word\nUSER node\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-bookworm-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password\nUSER node\nCMD ["node", "server.js"]\n',
  },
  check(model, ctx) {
    // under test and fixture folders only verified shapes are more than info
    const testFile = isTestPath(ctx.path);
    const tokenSeverity = (c: Confidence) => severityFor(testFile && c !== 'verified' ? 'possible' : c);
    // build arguments declared so far (globals, then those of the current stage)
    const globalArgs = model.globalArgs.flatMap((a) => keyValues(a, 'args', false).map((kv) => kv.key));
    let argNames = new Set<string>(globalArgs);
    let stageIndex = -1;
    for (const instr of model.instructions) {
      if (instr.stageIndex !== stageIndex) {
        stageIndex = instr.stageIndex;
        argNames = new Set<string>(globalArgs);
      }
      if (instr.keyword === 'LABEL') {
        // labels are public metadata: only credential-shaped values are reported
        for (const kv of keyValues(instr, 'args', true)) {
          const { value } = kv;
          const t = value ? findTokens(value).at(0) : undefined;
          if (!value || !t) continue;
          ctx.report({
            message: `LABEL ${kv.key} holds a ${t.label} (${redact(value.slice(t.index, t.index + t.length))}); labels are public image metadata. Remove it and rotate the secret.`,
            range: pairRange(model, instr, kv),
            severity: tokenSeverity(t.confidence),
            sensitive: true,
            secrets: [value.slice(t.index, t.index + t.length)],
          });
        }
        continue;
      }
      if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
      const pairs = keyValues(instr, 'args', instr.keyword === 'ENV');
      if (instr.keyword === 'ARG' && stageIndex >= 0) for (const kv of pairs) argNames.add(kv.key);
      for (const kv of pairs) {
        const value = kv.value;
        // positions are computed only for the pairs that are reported
        const range = () => pairRange(model, instr, kv);
        const tokens = value ? findTokens(value) : [];
        if (value && tokens.length > 0) {
          const t = tokens[0];
          ctx.report({
            message: `${instr.keyword} ${kv.key} holds a ${t.label} (${redact(value.slice(t.index, t.index + t.length))}); use a secret mount instead: RUN --mount=type=secret.`,
            range: range(),
            severity: tokenSeverity(t.confidence),
            sensitive: true,
            secrets: [value.slice(t.index, t.index + t.length)],
          });
          continue;
        }
        if (!isSecretName(kv.key)) continue;
        const verdict = value === null ? null : assessValue(value);
        if (value !== null && (verdict === 'strong' || verdict === 'weak' || isWordLike(value)) && !looksLikeConfiguration(value)) {
          // named like a secret, no shape proves it: a warning when the value looks generated
          ctx.report({
            message: `${instr.keyword} ${kv.key} sets a secret in the Dockerfile (${redact(value)}); it ends up in the image and in version control. Use RUN --mount=type=secret at build time or a runtime secret.`,
            range: range(),
            severity: testFile ? 'info' : verdict === 'strong' || instr.keyword === 'ARG' ? 'warning' : 'info',

            sensitive: true,
            secrets: [value],
          });
          continue;
        }
        if (value !== null && verdict !== 'placeholder' && verdict !== 'code' && instr.keyword === 'ENV') continue;
        if (instr.keyword === 'ARG') {
          ctx.report({
            message: `ARG ${kv.key} is named like a secret: values passed with --build-arg are recorded in the image history. Use RUN --mount=type=secret instead.`,
            range: range(),
            severity: testFile ? 'info' : 'warning',
          });
          continue;
        }
        const ref = value !== null ? referencedVariable(value) : null;
        if (ref && argNames.has(ref)) {
          ctx.report({
            message: `ENV ${kv.key} copies the build argument ${ref} into the image's environment, where anyone with the image can read it. Use RUN --mount=type=secret instead.`,
            range: range(),
            severity: 'warning',
          });
        }
      }
    }
  },
});
