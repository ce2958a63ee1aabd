import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Stage } from '../../targets/dockerfile/model.js';
import { rangeAt } from './util/ranges.js';

export function stageNameRange(model: DockerfileModel, stage: Stage) {
  const raw = model.text.slice(stage.from.range.start.offset, stage.from.range.end.offset);
  const m = /\sAS\s+(\S+)\s*$/i.exec(raw);
  if (!m) return stage.from.argsRange;
  const start = stage.from.range.start.offset + m.index + m[0].indexOf(m[1], 3);
  return rangeAt(model, start, start + m[1].length);
}

export default defineRule({
  id: 'dockerfile/duplicate-stage-name',
  target: 'dockerfile',
  title: 'Two stages have the same name',
  severity: 'error',
  level: null,
  breaksBuild: true,
  rationale:
    'Stage names are case-insensitive and must be unique: BuildKit rejects a Dockerfile that reuses one, and ' +
    'where a builder accepts it, `COPY --from=name`, `FROM name` and `--target name` silently pick one of the ' +
    'stages — usually not the one the reader expects.',
  remediation: 'Rename one of the stages and update the COPY --from, FROM and --target references to it.',
  references: [
    'https://docs.docker.com/reference/build-checks/duplicate-stage-name/',
    'https://docs.docker.com/build/building/multi-stage/',
  ],
  equivalents: {
    hadolint: ['DL3024'],
    trivy: ['DS-0012'],
    checkov: ['CKV_DOCKER_11'],
    kics: ['Same Alias In Different Froms'],
    buildkit: ['DuplicateStageName'],
  },
  examples: {
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM node:22 AS build\nRUN npm ci\n',
    good: 'FROM golang:1.23 AS build-go\nRUN go build -o /app .\nFROM node:22 AS build-web\nRUN npm ci\n',
  },
  check(model, ctx) {
    const first = new Map<string, Stage>();
    for (const stage of model.stages) {
      if (!stage.name) continue;
      const earlier = first.get(stage.name);
      if (!earlier) { first.set(stage.name, stage); continue; }
      ctx.report({
        message: `Stage name "${stage.name}" is already used by the stage on line ${earlier.from.range.start.line}; stage names must be unique.`,
        range: stageNameRange(model, stage),
      });
    }
  },
});
