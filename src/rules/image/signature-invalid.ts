import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'image/signature-invalid',
  target: 'image',
  title: 'The image\'s cosign signature is intact, names this image and verifies with the key given',
  severity: 'error',
  level: null,
  rationale: 'A signature proves an image only when its payload names this image\'s digest and its bytes verify with the signer\'s key. A payload naming another digest is a valid signature of a different image copied beside this one; a signature that fails with the key, or blobs altered after signing, mean the image is not what the key holder signed.',
  remediation: 'Do not run the image. Fetch the image and its signature again by digest from their source (`cosign save`), check that --key is the signer\'s public key, and find out how the altered copy was produced.',
  references: ['https://docs.sigstore.dev/cosign/verifying/verify/', 'https://github.com/containers/image/blob/main/docs/containers-signature.5.md'],
  equivalents: {},
  examples: {
    bad: 'signature: bad-signature key',
    good: 'signature: verified key',
  },
  check(model, ctx) {
    const s = model.signatures;
    if (!s) return;
    const verified = s.signatures.some((c) => c.verdict === 'verified');
    for (const c of s.signatures) {
      // with a key, a signature that fails is another signer's when one of them verifies
      if (c.verdict === 'bad-signature' && verified) continue;
      if (c.verdict !== 'bad-signature' && c.verdict !== 'digest-mismatch' && c.verdict !== 'unreadable') continue;
      const what = c.verdict === 'bad-signature' ? `does not verify with the ${s.key ?? 'key given'}` : c.verdict === 'digest-mismatch' ? 'names another image' : 'cannot be read';
      ctx.report({
        message: `the signature ${c.tag}${c.layer >= 0 ? ` (layer ${c.layer})` : ''} ${what}: ${c.detail ?? c.verdict}`,
        location: { field: c.layer >= 0 ? `signature ${c.manifest} layers[${c.layer}]` : `signature ${c.manifest}` },
      });
    }
    if (s.key && s.signatures.length === 0) {
      ctx.report({ message: `--key was given, but the layout holds no signature of ${s.imageDigests[0] ?? 'the image'} to verify`, location: { field: 'index.json' } });
    }
  },
});
