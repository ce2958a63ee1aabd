import { defineRule } from '../../engine/types.js';
import { fromImageRange } from './util/ranges.js';

export default defineRule({
  id: 'dockerfile/from-later-stage',
  target: 'dockerfile',
  title: 'FROM names a stage that is only defined later',
  severity: 'warning',
  level: null,
  rationale:
    'FROM only sees stages defined before it. `FROM app` written above `FROM … AS app` does not use that ' +
    'stage: it pulls an image called `app` from Docker Hub (or fails). That is almost always an ordering ' +
    'mistake, and a public image with the same name would be built in silently.',
  remediation: 'Move the named stage above the FROM that uses it, or, if you mean an image, write it with a registry or tag.',
  references: ['https://docs.docker.com/build/building/multi-stage/', 'https://docs.docker.com/reference/dockerfile/#from'],
  equivalents: {},
  examples: {
    bad: 'FROM base\nCOPY app /opt/app/\nFROM debian:12-slim AS base\nRUN mkdir -p /opt/app\n',
    good: 'FROM debian:12-slim AS base\nRUN mkdir -p /opt/app\nFROM base\nCOPY app /opt/app/\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      if (stage.baseStage !== null || stage.isScratch || stage.unresolved || !stage.ref) continue;
      const ref = stage.ref;
      if (ref.registry || ref.tag || ref.digest || ref.repository.includes('/')) continue;
      const name = ref.repository.toLowerCase();
      const later = model.stages.find((s) => s.index > stage.index && s.name === name);
      if (!later) continue;
      ctx.report({
        message: `FROM ${stage.resolvedImage} does not use the stage "${name}" defined on line ${later.from.range.start.line}: FROM only sees earlier stages, so this pulls the image ${name}:latest.`,
        range: fromImageRange(model, stage),
      });
    }
  },
});
