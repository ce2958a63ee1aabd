import { defineRule } from '../../engine/types.js';

export default defineRule<'image', { maxBytes: number; maxLayers: number }>({
  id: 'image/image-size',
  target: 'image',
  title: 'The image stays small and has few layers',
  severity: 'info',
  level: null,
  rationale: 'Every megabyte is pulled on each deploy and scanned for vulnerabilities; a large image or a long layer chain usually means build tools, caches or a full OS were left in.',
  remediation: 'Use a slim or distroless base and a multi-stage build; combine related RUN steps. Tune the thresholds with the options maxBytes and maxLayers.',
  references: ['https://docs.docker.com/build/building/best-practices/'],
  equivalents: {},
  options: {
    defaults: { maxBytes: 500 * 1000 * 1000, maxLayers: 25 },
    schema: { type: 'object', properties: { maxBytes: { type: 'integer', minimum: 0 }, maxLayers: { type: 'integer', minimum: 1 } }, additionalProperties: false },
  },
  examples: {
    bad: 'file /opt/model.bin size=600000000',
    good: 'file /app/server.js size=4000',
  },
  check(model, ctx) {
    const { maxBytes, maxLayers } = ctx.options;
    if (model.size > maxBytes) {
      ctx.report({ message: `the image is ${(model.size / 1e6).toFixed(0)} MB uncompressed (more than ${(maxBytes / 1e6).toFixed(0)} MB)`, location: { field: 'rootfs' } });
    }
    if (model.layers.length > maxLayers) {
      ctx.report({ message: `the image has ${model.layers.length} layers (more than ${maxLayers})`, location: { field: 'rootfs.diff_ids' } });
    }
  },
});
