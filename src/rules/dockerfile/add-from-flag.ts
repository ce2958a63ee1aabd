import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'dockerfile/add-from-flag',
  target: 'dockerfile',
  title: 'ADD has no --from flag',
  severity: 'error',
  level: null,
  breaksBuild: true,
  rationale:
    'Course practice "COPY rather than ADD" and "multi-stage builds": files are taken from an earlier stage with ' +
    '`COPY --from=<stage>`. ADD accepts --chown, --chmod, --link, --checksum, --keep-git-dir, --exclude but not ' +
    '--from, so the builder stops at this line ("unknown flag: from") and the image is never built. The fix is ' +
    'not a matter of style (as ADD for a local file would be) but of a Dockerfile that does not build.',
  remediation: 'Write the instruction as `COPY --from=<stage> <src> <dest>`.',
  references: [
    'https://docs.docker.com/reference/dockerfile/#add',
    'https://docs.docker.com/reference/dockerfile/#copy---from',
  ],
  equivalents: {},
  fixable: 'suggestion',
  examples: {
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nADD --from=build /out/app /app\n',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
  },
  check(model, ctx) {
    for (const outer of model.instructions) {
      const instr = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!instr || instr.keyword !== 'ADD') continue;
      const flag = instr.flags.find((f) => f.name === 'from');
      if (!flag) continue;
      const stage = flag.value ?? '';
      ctx.report({
        message: `ADD does not take --from, so the build stops here ("unknown flag: from"); copy from ${stage === '' ? 'the stage' : `"${stage}"`} with COPY --from=${stage || '<stage>'}.`,
        range: flag.range,
        fix: {
          description: 'Write COPY instead of ADD',
          safe: false,
          edits: [{ start: instr.keywordRange.start.offset, end: instr.keywordRange.end.offset, text: 'COPY' }],
        },
      });
    }
  },
});
