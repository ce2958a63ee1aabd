import { defineRule } from '../../engine/types.js';
import { secretFileReason } from '../../secrets/file-names.js';
import { copiedByRelated, copyLines, reachesFinalImage } from './util/locate.js';

/** Name kinds another rule already reports by name (private-key-copied). */
const REPORTED_BY_NAME = new Set(['ssh-private-key', 'putty-private-key', 'keystore', 'pgpass', 'htpasswd']);

export default defineRule({
  id: 'context/secret-file-copied',
  target: 'context',
  title: 'A file named as a secret is copied into the image',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "keep secrets out of the image": the course passes build secrets with ' +
    '`docker build --secret id=mysecret,src=mysecret.txt` and `RUN --mount=type=secret`, and lists secret files and ' +
    'certificates among what .dockerignore must keep out. A file whose name says it holds a secret — `mysecret.txt`, ' +
    '`*.secret`, anything under a `secrets/` directory, `credentials`, `credentials.csv` — is a secret even when its ' +
    'content matches no token shape the scanner knows (a random password, a passphrase, an internal key). This rule ' +
    'reports such files that COPY or ADD sends when context/credentials-copied found nothing in them; key stores ' +
    '(`*.p12`, `*.keystore`, `*.jks`) and private keys are reported by name by context/private-key-copied. Code ' +
    'files (`secrets.py`) and templates (`secret.example`) are not.',
  remediation:
    'Exclude the file in `.dockerignore` (`**/*.secret`, `**/secrets/`, `mysecret.txt`, `credentials*`) and hand it ' +
    'to the build with `docker build --secret id=name,src=FILE` and `RUN --mount=type=secret,id=name`, or to the ' +
    'container at run time (compose `secrets:`).',
  references: [
    'https://docs.docker.com/build/building/secrets/',
    'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  ],
  equivalents: { dockle: ['CIS-DI-0010'], cis: ['4.10'] },
  examples: {
    bad: 'FROM alpine:3.20\nCOPY . /app\n=== .dockerignore\n.git\n=== mysecret.txt\nopen sesame\n',
    good: 'FROM alpine:3.20\nCOPY . /app\n=== .dockerignore\n.git\nmysecret.txt\n=== mysecret.txt\nopen sesame\n',
  },
  check(model, ctx) {
    for (const file of model.files) {
      if (file.copiedBy.length === 0 || file.type !== 'file' || file.hits.length > 0) continue;
      if (file.pathKind && REPORTED_BY_NAME.has(file.pathKind.kind)) continue;
      const reason = secretFileReason(file.relPath);
      if (!reason) continue;
      const final = reachesFinalImage(model, file);
      ctx.report({
        message: `${file.relPath} is ${reason}, copied ${final ? 'into the image' : 'into a build stage'} by ${copyLines(model, file)}; its content showed no known token shape, but its name says it is a secret`,
        location: { path: file.displayPath, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
        related: copiedByRelated(model, file),
        sensitive: true,
        ...(final ? {} : { severity: 'info' as const }),
      });
    }
  },
});
