import { defineRule } from '../../engine/types.js';
import { copyWords } from './util/copy.js';

export default defineRule({
  id: 'dockerfile/copy-from-stage-root',
  target: 'dockerfile',
  title: 'COPY of a whole stage\'s file system onto `/`',
  severity: 'warning',
  level: null,
  rationale:
    '`COPY --from=build / /` lays every file of the other stage — its package database, /etc/passwd, ' +
    'caches, compilers, anything its base image holds — over this one. That undoes the point of a ' +
    'multi-stage build (a small final image with only what runs), and it silently replaces this stage\'s ' +
    'system files with the other stage\'s versions. Copy the directories the program needs.',
  remediation: 'Name what is needed: `COPY --from=build /app/bin/server /usr/local/bin/server`.',
  references: ['https://docs.docker.com/build/building/multi-stage/'],
  equivalents: { hadolint: ['DL3067'] },
  examples: {
    bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/server ./cmd/server\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /out/server ./cmd/server\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/server /server\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' || !instr.flags.some((f) => f.name === 'from' && f.value)) continue;
      const words = copyWords(model, instr);
      const dest = words.at(-1);
      if (!dest || words.length < 2 || dest.value !== '/' || !words.slice(0, -1).some((w) => w.value === '/')) continue;
      ctx.report({ message: 'COPY --from copies the whole file system of the other stage or image onto /: copy only the paths the image needs', range: instr.argsRange });
    }
  },
});
