import { defineRule } from '../../engine/types.js';
import { isPrivateKeyHit } from '../../secrets/detect.js';
import { copiedByRelated, copyLines, reachesFinalImage } from './util/locate.js';

// Built from parts so that no scanner mistakes this source file for a leaked key.
const HEADER = ['-----BEGIN', 'OPENSSH PRIVATE KEY-----'].join(' ');
const BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';

export default defineRule({
  id: 'context/private-key-copied',
  target: 'context',
  title: 'No private key or key store is copied into the image',
  severity: 'error',
  level: 'hardened',
  rationale:
    'Everything COPY or ADD sends from the build context ends up in an image layer, and anyone who can pull the ' +
    'image can read it — deleting the file in a later instruction does not remove it from the earlier layer. ' +
    'A private key (PEM, OpenSSH or PuTTY, `id_rsa` and friends, `*.key` files with private content) or a key ' +
    'store (`*.p12`, `*.pfx`, `*.jks`, `*.keystore`) in an image is a leaked key. Certificates (`*.crt`), public ' +
    'keys (`*.pub`) and CA bundles are public material and are not reported.',
  remediation:
    'Exclude the file in `.dockerignore` (e.g. `**/*.pem`, `**/id_*`, `**/*.p12`) or copy only what the image ' +
    'needs instead of the whole context. Give keys to the running container as a secret (compose/Swarm/Kubernetes ' +
    'secrets mounted at run time), and to a build step with `RUN --mount=type=secret,id=key …`; rotate any key ' +
    'that was already in a pushed image.',
  references: [
    'https://docs.docker.com/build/concepts/context/#dockerignore-files',
    'https://docs.docker.com/build/building/secrets/',
    'CIS Docker Benchmark 4.10 (Ensure secrets are not stored in Dockerfiles)',
  ],
  equivalents: { cis: ['4.10'], dockle: ['CIS-DI-0010'], trivy: ['secret scanning (private-key)'] },
  examples: {
    bad: `FROM alpine:3.20\nCOPY . /app\n=== .dockerignore\n.git\n=== deploy/id_ed25519\n${HEADER}\n${BODY}\n`,
    good: `FROM alpine:3.20\nCOPY . /app\n=== .dockerignore\n.git\n**/id_*\n=== deploy/id_ed25519\n${HEADER}\n${BODY}\n`,
  },
  check(model, ctx) {
    for (const file of model.files) {
      const final = reachesFinalImage(model, file);
      const severity = final ? undefined : ('warning' as const);
      const where = final ? 'into the image' : 'into a build stage (not the final image, but its layers and cache)';
      const keyHits = file.hits.filter(isPrivateKeyHit);
      for (const hit of keyHits) {
        ctx.report({
          message: `${hit.label} in ${file.relPath} is copied ${where} by ${copyLines(model, file)}`,
          location: { path: file.displayPath, startLine: hit.line, startColumn: hit.column, endLine: hit.endLine, endColumn: hit.endColumn },
          related: copiedByRelated(model, file),
          ...(severity ? { severity } : {}),
          sensitive: true,
          secrets: [hit.secret],
        });
      }
      const kind = file.pathKind;
      if (keyHits.length === 0 && kind && !kind.needsContent && ['ssh-private-key', 'putty-private-key', 'keystore'].includes(kind.kind)) {
        if (file.scan === 'scanned' && file.size === 0) continue; // an empty placeholder file holds no key
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
