import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'dockerfile/from-platform-redundant',
  target: 'dockerfile',
  title: 'FROM --platform=$TARGETPLATFORM, which is the default',
  severity: 'info',
  level: null,
  rationale:
    'A stage is built for the target platform unless FROM says otherwise, so `--platform=$TARGETPLATFORM` ' +
    'changes nothing; it reads as if the stage were special, and it hides the one stage that does differ ' +
    '(the `--platform=$BUILDPLATFORM` stage of a cross-compiling build).',
  remediation: 'Drop the flag: `FROM alpine:3.20` in place of `FROM --platform=$TARGETPLATFORM alpine:3.20`.',
  references: ['https://docs.docker.com/build/building/multi-platform/', 'https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope'],
  equivalents: { hadolint: ['DL3065'] },
  examples: {
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN echo hi\n',
    good: 'FROM alpine:3.20\nRUN echo hi\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      const value = flag?.value?.replace(/^["']|["']$/g, '');
      if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) continue;
      ctx.report({ message: `--platform=${value} is what FROM does by default: drop the flag`, range: flag.range });
    }
  },
});
