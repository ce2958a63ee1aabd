import { defineRule } from '../../engine/types.js';

const WANTED = ['org.opencontainers.image.source', 'org.opencontainers.image.version'];

export default defineRule({
  id: 'image/missing-oci-labels',
  target: 'image',
  title: 'The image carries OCI labels (source, version)',
  severity: 'info',
  level: null,
  rationale: 'OCI annotations tell scanners and people where an image comes from and which version it is: they make a vulnerability report actionable and provenance checkable.',
  remediation: 'Add `LABEL org.opencontainers.image.source=… org.opencontainers.image.version=…` (and revision, title, licenses).',
  references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
  equivalents: {},
  examples: {
    bad: 'label: maintainer=ops@example.com',
    good: 'label: org.opencontainers.image.source=https://github.com/example/app\nlabel: org.opencontainers.image.version=1.2.0',
  },
  check(model, ctx) {
    const missing = WANTED.filter((k) => !model.config.labels[k]);
    if (missing.length) ctx.report({ message: `missing OCI label${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, location: { field: 'config.Labels' } });
  },
});
