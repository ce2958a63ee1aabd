import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/layer-digest-mismatch',
  target: 'image',
  title: 'Every layer and the config match their digests',
  severity: 'error',
  level: null,
  rationale: 'Content addressing is what makes an image trustworthy: a layer whose bytes do not hash to the digest the manifest or config declares was altered after it was built (tampering) or corrupted in transit, and the engine would refuse or silently differ.',
  remediation: 'Do not run the image. Fetch it again from its registry (by digest), and find out how the altered copy was produced.',
  references: ['https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests'],
  equivalents: {},
  examples: { bad: 'file /app/server.js\ntamper', good: 'file /app/server.js' },
  check(model, ctx) {
    const cd = model.configDigest;
    if (cd.declared && cd.actual && cd.declared !== cd.actual) {
      ctx.report({ message: `the config hashes to ${cd.actual}, but is named ${cd.declared}: tampered or corrupt`, location: { field: 'config' } });
    }
    for (const l of model.layers) {
      if (!l.actualDigest) continue;
      if (l.declaredDigest && l.declaredDigest !== l.actualDigest) {
        ctx.report({ message: `layer ${l.index} hashes to ${l.actualDigest}, but the manifest declares ${l.declaredDigest}: tampered or corrupt`, location: { field: `layers[${l.index}]`, layer: layerRef(model, l.index) } });
      } else if (l.diffId && l.actualDiffId && l.diffId !== l.actualDiffId) {
        ctx.report({ message: `layer ${l.index} uncompressed hashes to ${l.actualDiffId}, but the config's rootfs.diff_ids says ${l.diffId}: tampered or corrupt`, location: { field: `rootfs.diff_ids[${l.index}]`, layer: layerRef(model, l.index) } });
      }
    }
    if (model.partial) ctx.report({ message: `the image is incomplete: ${model.partial}`, location: { field: 'layers' } });
  },
});
