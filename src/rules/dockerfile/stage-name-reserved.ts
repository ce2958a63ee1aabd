import { defineRule } from '../../engine/types.js';
import { rangeOfText } from './util/ranges.js';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'dockerfile/stage-name-reserved',
  target: 'dockerfile',
  title: 'Stage named `scratch` or `context`',
  severity: 'warning',
  level: null,
  rationale:
    'Two names already mean something to the builder: `scratch` is the empty image (`FROM scratch`), and ' +
    '`context` is the name of the build context in BuildKit (named contexts, `--build-context context=…`). ' +
    'A stage with one of these names makes `FROM scratch` or `COPY --from=context` mean something else than ' +
    'a reader expects, depending on the builder.',
  remediation: 'Rename the stage: `FROM golang:1.22 AS build` in place of `AS context`, and use the new name in `--from=` and `FROM`.',
  references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/build/building/context/#named-contexts'],
  equivalents: { hadolint: ['DL3063'] },
  examples: {
    bad: 'FROM golang:1.22 AS context\nRUN go version\nFROM debian:12-slim\nCOPY --from=context /usr/local/go/bin/go /usr/local/bin/go\n',
    good: 'FROM golang:1.22 AS build\nRUN go version\nFROM debian:12-slim\nCOPY --from=build /usr/local/go/bin/go /usr/local/bin/go\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      if (stage.name === null || !RESERVED.has(stage.name)) continue;
      const m = /\sAS\s+(\S+)\s*$/i.exec(stage.from.args);
      ctx.report({
        message: `the stage name \`${stage.name}\` is reserved by the builder (${stage.name === 'scratch' ? 'the empty image' : 'the build context'}): give the stage another name`,
        range: m ? rangeOfText(model, stage.from, m[1], stage.from.argsRange.start.offset + m.index) : stage.from.argsRange,
      });
    }
  },
});
