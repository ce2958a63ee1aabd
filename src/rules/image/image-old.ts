import { defineRule } from '../../engine/types.js';

interface Options {
  /** Days after its `created` time from which an image counts as old. */
  maxAgeDays: number;
}

const DAY = 86_400_000;

export default defineRule<'image', Options>({
  id: 'image/image-old',
  target: 'image',
  title: 'The image was built long ago',
  severity: 'info',
  level: null,
  rationale:
    'Course practice "rebuild to take in security patches" (CIS 4.4): an image is as patched as the day it was ' +
    'built. The config\'s `created` time says when that was; past the limit (180 days by default, option ' +
    '`maxAgeDays`) the packages inside have almost certainly missed fixes that a rebuild on the current base ' +
    'image would bring. Images built reproducibly with `SOURCE_DATE_EPOCH` carry the commit time, and those with ' +
    'no or a zero `created` (1970, some reproducible builders) are not judged. Information only: age is a hint ' +
    'to rebuild, a vulnerability scan is the proof.',
  remediation: 'Rebuild on the current (pinned) base image on a schedule — weekly or when the base image is updated — and redeploy.',
  references: ['CIS Docker Benchmark 4.4 (Ensure images are scanned and rebuilt to include security patches)'],
  equivalents: { cis: ['4.4'] },
  options: {
    defaults: { maxAgeDays: 180 },
    schema: {
      type: 'object',
      properties: { maxAgeDays: { type: 'integer', minimum: 1, description: 'age in days from which the image is reported' } },
      additionalProperties: false,
    },
  },
  examples: {
    bad: 'created: 2025-01-10T08:00:00Z\ntoday: 2026-06-01',
    good: 'created: 2026-05-20T08:00:00Z\ntoday: 2026-06-01',
  },
  check(model, ctx) {
    if (model.created === undefined || model.today === undefined) return;
    const built = Date.parse(model.created);
    const today = Date.parse(model.today);
    if (Number.isNaN(built) || Number.isNaN(today) || built < Date.UTC(1971, 0, 1)) return;
    const days = Math.floor((today - built) / DAY);
    if (days < ctx.options.maxAgeDays) return;
    ctx.report({
      message: `the image was built on ${model.created.slice(0, 10)}, ${days} days ago (limit ${ctx.options.maxAgeDays}): rebuild it on the current base image to take in security fixes`,
      location: { field: 'created' },
    });
  },
});
