import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/missing-oci-labels.js';

const ALL = 'LABEL org.opencontainers.image.title="app" org.opencontainers.image.source="https://github.com/o/r" org.opencontainers.image.version="1.0"\n';

testRule(rule, {
  valid: [
    { code: `FROM alpine:3.20\n${ALL}` },
    { code: `FROM alpine:3.20 AS base\n${ALL}FROM base\nCMD ["sh"]\n`, name: 'labels from the base stage' },
    { code: 'FROM alpine:3.20\nARG V=dev\nLABEL "org.opencontainers.image.title"=app \\\n  org.opencontainers.image.source=https://x org.opencontainers.image.version=$V\n', name: 'quoted keys, continuation' },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x\n', options: { required: ['org.opencontainers.image.source'] }, name: 'option narrows the set' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCMD ["sh"]\n', errors: [{ line: 1, column: 6, severity: 'info', message: 'org.opencontainers.image.title, org.opencontainers.image.source, org.opencontainers.image.version labels' }] },
    { code: `FROM alpine:3.20 AS build\n${ALL}FROM alpine:3.20\nLABEL org.opencontainers.image.title=app\n`, errors: [{ line: 3, column: 6, message: 'no org.opencontainers.image.source, org.opencontainers.image.version labels' }], name: 'labels only in a build stage' },
    { code: 'ARG BASE=alpine:3.20\nFROM ${BASE}\n', options: { required: ['org.opencontainers.image.licenses'] }, errors: [{ line: 2, column: 6, message: 'licenses label;' }] },
  ],
});
