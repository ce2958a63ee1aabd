import { defineRule } from '../../engine/types.js';
import { fromImageRange } from './util/ranges.js';

interface Options {
  /** Days after its `created` time from which a base image counts as old (image/image-old's option). */
  maxAgeDays: number;
}

const DAY = 86_400_000;

export default defineRule<'dockerfile', Options>({
  id: 'dockerfile/base-image-old',
  target: 'dockerfile',
  title: 'The base image in the local engine was built long ago',
  severity: 'info',
  level: null,
  rationale:
    'Course practice "rebuild to take in security patches" (CIS 4.4), checked before the build: an image is ' +
    'as patched as the base it starts from, and a base image pulled once and never again keeps its packages ' +
    'as they were that day, however often the Dockerfile is rebuilt on it. With `lint --inspect-images` the ' +
    'local engine is asked for the `created` time of each image a FROM names; past the limit (180 days by ' +
    'default, option `maxAgeDays`, the same as `image/image-old` judges a built image by) the FROM line is ' +
    'reported. Only what the engine has is judged — lint never pulls — and images with no or a zero ' +
    '`created` (1970, some reproducible builders) are not. Information only: age is a hint to pull the ' +
    'current base, a vulnerability scan is the proof.',
  remediation:
    'Pull the current base image (`docker pull python:3.12-slim`, or `docker build --pull`) and rebuild; pin it by ' +
    'digest and let a dependency bot move the pin, so the base is renewed on a schedule.',
  references: ['CIS Docker Benchmark 4.4 (Ensure images are scanned and rebuilt to include security patches)', 'https://docs.docker.com/reference/cli/docker/buildx/build/#pull'],
  equivalents: { cis: ['4.4'] },
  options: {
    defaults: { maxAgeDays: 180 },
    schema: {
      type: 'object',
      properties: { maxAgeDays: { type: 'integer', minimum: 1, description: 'age in days from which the base image is reported' } },
      additionalProperties: false,
    },
  },
  examples: {
    bad: '# engine: python:3.12-slim created 2025-01-10T08:00:00Z, 131 MB\n# today: 2026-06-01\nFROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n',
    good: '# engine: python:3.12-slim created 2026-05-20T08:00:00Z, 131 MB\n# today: 2026-06-01\nFROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n',
  },
  check(model, ctx) {
    const engine = model.baseImages;
    if (!engine) return;
    const today = Date.parse(engine.today);
    if (Number.isNaN(today)) return;
    for (const stage of model.stages) {
      const image = Object.hasOwn(engine.images, stage.resolvedImage) ? engine.images[stage.resolvedImage] : undefined;
      if (stage.baseStage !== null || !image || 'unknown' in image) continue;
      const built = Date.parse(image.created);
      if (Number.isNaN(built) || built < Date.UTC(1971, 0, 1)) continue;
      const days = Math.floor((today - built) / DAY);
      if (days < ctx.options.maxAgeDays) continue;
      ctx.report({
        message: `the local ${stage.resolvedImage} was built on ${image.created.slice(0, 10)}, ${days} days ago (limit ${ctx.options.maxAgeDays}): pull the current one and rebuild to take in its security fixes`,
        range: fromImageRange(model, stage),
      });
    }
  },
});
