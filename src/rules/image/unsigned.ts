import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'image/unsigned',
  target: 'image',
  title: 'An OCI layout carries a cosign signature of its image',
  severity: 'info',
  level: null,
  rationale: 'A signature ties an image digest to whoever holds the signing key: without one, nothing shows that the image is the one your pipeline built, and a deployment that only runs signed images (cosign verify, an admission policy, DOCKER_CONTENT_TRUST for Notary) refuses it.',
  remediation: 'Sign the image by digest (`cosign sign --key cosign.key IMAGE@sha256:…`), keep the signature with it (`cosign save --dir DIR IMAGE@sha256:…`), and check it with `tightship image DIR --key cosign.pub`.',
  references: ['https://docs.sigstore.dev/cosign/signing/signing_with_containers/', 'https://docs.docker.com/engine/security/trust/'],
  equivalents: {},
  examples: {
    bad: 'signature: none',
    good: 'signature: unverified',
  },
  check(model, ctx) {
    const s = model.signatures;
    // only an OCI layout has a place for signatures: a docker-save tar or an engine image is not judged
    if (!s || s.signatures.length > 0) return;
    ctx.report({
      message: `no cosign signature of ${s.imageDigests[0] ?? 'the image'} in the layout (neither a sha256-<hex>.sig manifest nor cosign save's signatures)`,
      location: { field: 'index.json' },
    });
  },
});
