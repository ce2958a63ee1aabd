import { defineRule } from '../../engine/types.js';
import { isPrivateKeyHit } from '../../secrets/detect.js';
import { atMost, severityFor } from '../../secrets/confidence.js';
import { copiedByRelated, copyLines, reachesFinalImage } from './util/locate.js';

const CONFIDENCE_WORDS = {
  verified: 'verified shape',
  likely: 'a secret-named value that looks generated',
  possible: 'weak evidence',
} as const;

export default defineRule({
  id: 'context/credentials-copied',
  target: 'context',
  title: 'No token, password or credential file is copied into the image',
  severity: 'error',
  level: 'hardened',
  rationale:
    'COPY and ADD put files from the build context into image layers that everyone who can pull the image can ' +
    'read. Credentials travel in small files that are easy to forget: `.env` files with real values, `.npmrc` ' +
    'and `.yarnrc.yml` with registry tokens, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/credentials`, ' +
    '`.docker/config.json` with `auths`, kubeconfigs with tokens or client keys — and tokens pasted into source ' +
    'or configuration (cloud access keys, GitHub/GitLab/Slack/Stripe/npm tokens, signed JWTs, URLs with a ' +
    'password, `SECRET_NAME=value` settings). How sure a finding is sets its severity: a verified token shape ' +
    '(checksum or structure checked) is an error; a secret-named setting whose value looks generated, a URL ' +
    'with a literal password or a token without its proof is a warning; a weak literal, or anything unverified ' +
    'under a test or fixture folder, is info. Placeholders (`changeme`, `replace-me`, `example`, `${VAR}`, ' +
    '`{name}`, `<…>`, `%s`, empty), code (interpolation, calls, property accesses, types, `$(…)`), word-like ' +
    'values (`same-origin`) and package manifests and lockfiles (dependency names are not secrets) are not ' +
    'reported, nor is `.env.example`. The shapes covered are listed in docs/secrets.md. The value is always ' +
    'shown redacted.',
  remediation:
    'Exclude the file in `.dockerignore` (`.env*` with `!.env.example`, `**/.npmrc`, `**/*.tfvars` …) or copy ' +
    'only the files the image needs. Pass credentials at run time (environment from a secret store, compose ' +
    '`secrets:` and `*_FILE` variables) and to build steps with `RUN --mount=type=secret`; revoke any credential ' +
    'that was already in a pushed image.',
  references: [
    'https://docs.docker.com/build/concepts/context/#dockerignore-files',
    'https://docs.docker.com/build/building/secrets/',
    'CIS Docker Benchmark 4.10 (Ensure secrets are not stored in Dockerfiles)',
  ],
  equivalents: { cis: ['4.10'], dockle: ['CIS-DI-0010'], trivy: ['secret scanning'] },
  examples: {
    bad: 'FROM node:22-slim\nCOPY . /app\n=== .dockerignore\nnode_modules\n=== .env\nNODE_ENV=production\nDB_PASSWORD=Tr0ub4dor-and-3\n',
    good: 'FROM node:22-slim\nCOPY . /app\n=== .dockerignore\nnode_modules\n.env\n=== .env\nNODE_ENV=production\nDB_PASSWORD=Tr0ub4dor-and-3\n',
  },
  check(model, ctx) {
    for (const file of model.files) {
      const final = reachesFinalImage(model, file);
      const severity = final ? undefined : ('warning' as const);
      const where = final ? 'into the image' : 'into a build stage (not the final image, but its layers and cache)';
      const hits = file.hits.filter((h) => !isPrivateKeyHit(h));
      for (const hit of hits) {
        const what = file.pathKind ? `${hit.label} (${hit.preview}) in ${file.pathKind.label} ${file.relPath}` : `${hit.label} (${hit.preview}) in ${file.relPath}`;
        // a verified shape is an error; a secret-named value a warning; weak evidence info
        const confidence = final ? hit.confidence : atMost(hit.confidence, 'likely');
        ctx.report({
          message: `${what} is copied ${where} by ${copyLines(model, file)} (${CONFIDENCE_WORDS[confidence]})`,
          location: { path: file.displayPath, startLine: hit.line, startColumn: hit.column, endLine: hit.endLine, endColumn: hit.endColumn },
          related: copiedByRelated(model, file),
          severity: severityFor(confidence),
          sensitive: true,
          secrets: [hit.secret],
        });
      }
      const kind = file.pathKind;
      if (hits.length === 0 && kind && !kind.needsContent && (kind.kind === 'pgpass' || kind.kind === 'htpasswd')) {
        ctx.report({
          message: `${kind.label} ${file.relPath} is copied ${where} by ${copyLines(model, file)}`,
          location: { path: file.displayPath, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          related: copiedByRelated(model, file),
          ...(severity ? { severity } : {}),
        });
      }
    }
  },
});
