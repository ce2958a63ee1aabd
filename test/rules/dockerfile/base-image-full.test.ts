import '../../helpers/dockerfile-loader.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintSnippet, testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/base-image-full.js';

testRule(rule, {
  valid: [
    { name: 'slim', code: 'FROM python:3.13-slim-bookworm\n' },
    { name: 'alpine', code: 'FROM node:22.11-alpine3.20\n' },
    { name: 'a full image in a build stage only', code: 'FROM golang:1.23 AS build\nRUN go build -o /svc .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /svc /svc\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY svc /svc\n' },
    { name: 'an image outside the official library', code: 'FROM ghcr.io/acme/python:3.12\n' },
    { name: 'an image with no smaller variant listed', code: 'FROM nginx:1.27\n' },
    { name: 'an unresolved base', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'php with Apache has no smaller variant', code: 'FROM php:8.3-apache\n' },
    { name: 'the engine has the slim image the final stage uses', code: '# engine: python:3.12-slim created 2026-05-01T00:00:00Z, 131 MB\n# engine: python:3.12 created 2026-05-01T00:00:00Z, 1.02 GB\nFROM python:3.12-slim\n' },
  ],
  invalid: [
    { name: 'python full tag', code: 'FROM python:3.12\nCMD ["python"]\n', errors: [{ line: 1, column: 6, endColumn: 17, message: 'python:3.12-slim', severity: 'info' }], level: 'hardened' },
    { name: 'no tag at all', code: 'FROM docker.io/library/ubuntu\n', errors: [{ line: 1, message: 'distroless' }] },
    {
      name: '--inspect-images: the engine has both the full image and its -slim variant',
      code: '# engine: python:3.12 created 2026-05-01T00:00:00Z, 1020 MB\n# engine: python:3.12-slim created 2026-05-01T00:00:00Z, 131 MB\n# engine: python:3.12-alpine created 2026-05-01T00:00:00Z, 52 MB\nFROM python:3.12\n',
      errors: [{ line: 4, message: 'distroless python3. The local engine has python:3.12 at 1.02 GB and python:3.12-slim at 131 MB: 889 MB (87%) smaller.' }],
    },
    {
      name: '--inspect-images: only -alpine here; no tag means latest, whose variants have no prefix',
      code: '# engine: node created 2026-05-01T00:00:00Z, 1.1 GB\n# engine: node:alpine created 2026-05-01T00:00:00Z, 160 MB\n# engine: node:22-slim created 2026-05-01T00:00:00Z, 200 MB\nFROM node\n',
      errors: [{ line: 4, message: 'The local engine has node at 1.1 GB and node:alpine at 160 MB: 940 MB (85%) smaller.' }],
    },
    {
      name: '--inspect-images: the variant of another tag is not this one\'s',
      code: '# engine: node:22 created 2026-05-01T00:00:00Z, 1.1 GB\n# engine: node:20-slim created 2026-05-01T00:00:00Z, 200 MB\nFROM node:22\n',
      errors: [{ line: 3, message: 'distroless nodejs.' }],
    },
    {
      name: '--inspect-images: the full image is not in the engine',
      code: '# engine: debian:12 missing\n# engine: debian:12-slim created 2026-05-01T00:00:00Z, 74.1 MB\nFROM debian:12\n',
      errors: [{ line: 3, message: 'packages: -slim (e.g. debian:12-slim).' }],
    },
    { name: 'the chain root counts', code: 'FROM node:22-bookworm AS base\nFROM base\nCMD ["node", "a.js"]\n', errors: [{ line: 1, message: 'node:22-slim' }] },
  ],
});

describe('dockerfile/base-image-full with --inspect-images', () => {
  const only = async (code: string) => (await lintSnippet(rule, { code })).map((f) => f.message);
  it('says no size when the engine lacks the variant of this tag or the full image itself', async () => {
    const plain = 'The final image is built on the full node:22 image; a smaller variant ships far fewer packages: -slim (e.g. node:22-slim), -alpine, or distroless nodejs.';
    assert.deepEqual(await only('FROM node:22\n'), [plain]);
    assert.deepEqual(await only('# engine: node:22 created 2026-05-01T00:00:00Z, 1.1 GB\n# engine: node:20-slim created 2026-05-01T00:00:00Z, 200 MB\nFROM node:22\n'), [plain]);
    assert.deepEqual(await only('# engine: node:22 missing\n# engine: node:22-slim created 2026-05-01T00:00:00Z, 200 MB\nFROM node:22\n'), [plain]);
  });
  it('says when the variant is not smaller', async () => {
    const m = (await only('# engine: debian:12 created 2026-05-01T00:00:00Z, 70 MB\n# engine: debian:12-slim created 2026-05-01T00:00:00Z, 74.1 MB\nFROM debian:12\n')).at(0);
    assert.match(m ?? '', /The local engine has debian:12 at 70 MB and debian:12-slim at 74\.1 MB: the variant is not smaller here\.$/);
  });
});
