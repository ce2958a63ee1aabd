import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'dockerfile/from-platform-constant',
  target: 'dockerfile',
  title: 'FROM --platform with a fixed platform',
  severity: 'warning',
  level: null,
  rationale:
    'A fixed `--platform=linux/amd64` on FROM pins the stage to one architecture whatever the build asks ' +
    'for: `docker buildx build --platform linux/arm64` still produces an amd64 image (run under emulation, ' +
    'or failing on the target host), silently. The platform belongs to the build command; in a Dockerfile, ' +
    '`--platform=$BUILDPLATFORM` (build tools that run on the builder) and `$TARGETPLATFORM` are the ' +
    'values that follow it. A platform taken from another build argument is the author\'s choice and is not ' +
    'reported.',
  remediation: 'Drop the flag and pass the platform to the build (`docker buildx build --platform linux/amd64 .`), or use `FROM --platform=$BUILDPLATFORM …` for a cross-compiling build stage.',
  references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/build/building/multi-platform/'],
  equivalents: { hadolint: ['DL3029'] },
  examples: {
    bad: 'FROM --platform=linux/amd64 debian:12-slim\nRUN echo hi\n',
    good: 'FROM debian:12-slim\nRUN echo hi\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!flag || flag.value === null || flag.value.includes('$')) continue;
      ctx.report({
        message: `FROM --platform=${flag.value} fixes the stage's platform whatever the build asks for: drop it, or use $BUILDPLATFORM / $TARGETPLATFORM`,
        range: flag.range,
      });
    }
  },
});
