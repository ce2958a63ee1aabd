import { defineRule } from '../../engine/types.js';
import { matchImage } from '../../targets/scan/match.js';
import { trivyExample } from './examples.js';

export default defineRule({
  id: 'scan/report-mismatch',
  target: 'scan',
  title: 'The scan report is about the audited image',
  severity: 'error',
  level: null,
  rationale: 'A clean report of another image, or of an older build under the same tag, proves nothing about the one being shipped. The image ID or repo digest is compared first, the name only when neither side knows a digest.',
  remediation: 'Scan the exact image the pipeline audits and ships (by digest when you can), and give that report.',
  references: ['https://aquasecurity.github.io/trivy/latest/docs/configuration/reporting/', 'https://github.com/anchore/grype#output-formats'],
  equivalents: {},
  examples: {
    bad: trivyExample({ name: 'registry.example/shop/api:1.4.1', imageId: 'sha256:0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d' }),
    good: trivyExample(),
  },
  check(model, ctx) {
    if (!model.subjects) return;
    const tried = model.subjects.map((s) => ({ s, m: matchImage(model.artifact, s) }));
    if (tried.some((t) => t.m.matches)) return;
    const only = tried.length === 1 ? tried[0] : undefined;
    if (only) {
      const { s, m } = only;
      ctx.report({ message: `the ${model.tool} report is not about ${s.name ?? s.imageId ?? 'the audited image'}: ${m.why}`, location: { field: 'artifact' } });
    } else {
      const names = [...new Set(model.subjects.map((s) => s.name ?? s.imageId).filter(Boolean))].sort();
      ctx.report({
        message: `the ${model.tool} report is about ${model.artifact.name ?? model.artifact.imageId ?? 'an unnamed image'}, which is none of the audited images${names.length ? ` (${names.join(', ')})` : ' (none names an image)'}`,
        location: { field: 'artifact' },
      });
    }
  },
});
