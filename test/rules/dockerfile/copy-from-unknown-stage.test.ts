import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/copy-from-unknown-stage.js';

testRule(rule, {
  valid: [
    { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out\n' },
    { code: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /out /out\n', name: 'index of an earlier stage' },
    { code: 'FROM alpine:3.20\nCOPY --from=nginx:latest /etc/nginx /etc/nginx\n', name: 'image with a tag' },
    { code: 'FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/\n', name: 'image with a registry' },
    { code: 'FROM golang:1.23 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /out /out\n', name: 'case-insensitive' },
    { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN --mount=type=bind,from=build,source=/out,target=/mnt cp /mnt/app /app\n', name: 'RUN --mount from' },
    { code: 'ARG SRC=build\nFROM golang:1.23 AS build\nFROM alpine:3.20\nARG SRC\nCOPY --from=${SRC} /out /out\n', name: 'ARG-resolved stage' },
    { code: 'FROM alpine:3.20\nCOPY --from=deps /lib /lib\n', options: { contexts: ['deps'] }, name: 'declared named build context' },
  ],
  invalid: [
    { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=builder /out /out\n', errors: [{ line: 3, column: 6, message: 'no stage "builder"' }] },
    { code: 'FROM golang:1.23 AS build\nCOPY --from=build /a /b\n', errors: [{ line: 2, column: 6, message: 'itself' }] },
    { code: 'FROM golang:1.23\nCOPY --from=1 /a /b\nFROM alpine:3.20\n', errors: [{ line: 2, column: 6, message: 'earlier stage' }] },
    { code: 'FROM alpine:3.20\nCOPY --from=late /a /b\nFROM golang:1.23 AS late\n', errors: [{ line: 2, column: 6, severity: 'warning', message: 'defined later' }] },
    { code: 'FROM alpine:3.20\nRUN --mount=type=cache,from=deps,target=/root/.cache true\n', errors: [{ line: 2, column: 5, message: 'RUN --mount from=deps' }] },
    { code: 'ARG SRC=biuld\nFROM golang:1.23 AS build\nFROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /out /out\n', errors: [{ line: 5, column: 6, message: '$SRC (= biuld)' }], name: 'ARG-resolved typo' },
  ],
});
