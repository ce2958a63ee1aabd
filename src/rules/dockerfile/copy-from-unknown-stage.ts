import { defineRule } from '../../engine/types.js';
import type { Stage } from '../../targets/dockerfile/model.js';
import { expandVars, hasUnresolved } from './util/values.js';
import { stageVars } from './util/stages.js';
import { fromReferences, looksLikeImage } from './util/images.js';


interface Options {
  /** Named build contexts given with --build-context (or compose additional_contexts). */
  contexts: string[];
}

export default defineRule<'dockerfile', Options>({
  id: 'dockerfile/copy-from-unknown-stage',
  target: 'dockerfile',
  title: 'COPY --from names no earlier stage',
  severity: 'error',
  level: null,
  breaksBuild: true,
  rationale:
    '`COPY --from=<name>` (and `RUN --mount=…,from=<name>`) takes a stage name, a stage index, or an image. A ' +
    'bare name that matches no earlier stage is treated as an image and pulled from Docker Hub — a typo ' +
    '(`--from=biuld`) becomes a failed build at best, and at worst copies files from whatever public image ' +
    'has that name. An index must name an earlier stage, a stage cannot copy from itself, and a stage defined ' +
    'later makes the build order depend on builder details (warning). References with a registry, tag, digest ' +
    'or path (`nginx:1.27`, `ghcr.io/org/tool`) are images and are accepted; variables are resolved first. ' +
    'Named build contexts (`docker buildx build --build-context deps=../deps`, compose `additional_contexts`) ' +
    'are invisible in the Dockerfile: list them in the `contexts` option.',
  remediation:
    'Point --from at an earlier stage (`FROM golang:1.23 AS build` … `COPY --from=build …`). If you mean an image, ' +
    'write it with a tag or digest (`COPY --from=busybox:1.36 /bin/busybox /bin/`), which also pins it.',
  references: [
    'https://docs.docker.com/reference/dockerfile/#copy---from',
    'https://docs.docker.com/build/building/multi-stage/',
  ],
  equivalents: {
    hadolint: ['DL3022', 'DL3023'],
    trivy: ['DS-0006'],
    kics: ["COPY '--from' Without FROM Alias Defined Previously", "COPY '--from' References Current FROM Alias"],
  },
  options: {
    defaults: { contexts: [] },
    schema: {
      type: 'object',
      properties: { contexts: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
  },
  examples: {
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=builder /out/app /app\n',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
  },
  check(model, ctx) {
    const contexts = new Set(ctx.options.contexts.map((c) => c.toLowerCase()));
    const byName = new Map<string, Stage>();
    for (const s of model.stages) if (s.name && !byName.has(s.name)) byName.set(s.name, s);
    for (const stage of model.stages) {
      const vars = stageVars(model, stage);
      for (const instr of stage.instructions) {
        for (const { flag, value: written } of fromReferences(instr)) {
          const value = expandVars(written, vars).trim();
          if (!value || hasUnresolved(value)) continue;
          const shown = value !== written ? `${written} (= ${value})` : value;
          const opt = instr.keyword === 'RUN' ? 'RUN --mount from' : `${instr.keyword} --from`;
          if (/^\d+$/.test(value)) {
            const n = Number(value);
            if (n >= stage.index) {
              ctx.report({ message: `${opt}=${shown} must name an earlier stage (this is stage ${stage.index}).`, range: flag.range });
            }
            continue;
          }
          const target = byName.get(value.toLowerCase());
          if (target) {
            if (target.index === stage.index) {
              ctx.report({ message: `${opt}=${shown} names the stage it is in; a stage cannot copy from itself.`, range: flag.range });
            } else if (target.index > stage.index) {
              ctx.report({
                message: `${opt}=${shown} names a stage defined later (line ${target.from.range.start.line}); move that stage before this one.`,
                range: flag.range,
                severity: 'warning',
              });
            }
            continue;
          }
          if (looksLikeImage(value) || contexts.has(value.toLowerCase())) continue;
          ctx.report({
            message: `${opt}=${shown}: no stage "${value}" is defined before this instruction, so it would be pulled as the image ${value}:latest; fix the stage name, write the image with a tag, or list a named build context in the rule's contexts option.`,
            range: flag.range,
          });
        }
      }
    }
  },
});
