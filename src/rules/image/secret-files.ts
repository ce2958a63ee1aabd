import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/secret-files',
  target: 'image',
  title: 'No private keys or credential files in any layer',
  severity: 'error',
  level: 'hardened',
  rationale: 'Every layer ships with the image. A key or credential file is readable by anyone who pulls it — even when a later layer deletes it, the bytes stay in the layer that added them (`docker save` and any layer extractor show them).',
  remediation: 'Keep secrets out of the build context (.dockerignore) and use `RUN --mount=type=secret` for build-time credentials; deleting them in a later RUN does not remove them. Rotate any secret that was published.',
  references: ['CIS Docker Benchmark 4.10', 'https://docs.docker.com/build/building/secrets/'],
  equivalents: { dockle: ['CIS-DI-0010', 'DKL-LI-0003'], trivy: ['secret'], cis: ['4.10'] },
  examples: {
    bad: 'file /root/.ssh/id_rsa << -----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\\n-----END OPENSSH PRIVATE KEY-----\nlayer: RUN rm /root/.ssh/id_rsa\ndelete /root/.ssh/id_rsa',
    good: 'file /root/.ssh/id_rsa.pub << ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host',
  },
  check(model, ctx) {
    for (const s of model.secrets) {
      const where = s.line > 0 ? `${s.path}:${s.line}` : s.path;
      const later = s.removedIn === undefined ? ''
        : `; ${s.removedHow} in layer ${s.removedIn}, but still in layer ${s.layer} of the image`;
      ctx.report({
        message: `${where}: ${s.kind} (${s.redacted})${later}`,
        sensitive: true,
        location: { imagePath: s.path, layer: layerRef(model, s.layer) },
      });
    }
  },
});
