import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageRef } from '../../../src/targets/dockerfile/image-ref.js';

const D = 'sha256:' + '0123456789abcdef'.repeat(4);

describe('parseImageRef', () => {
  const valid: [string, string | null, string, string | null, string | null][] = [
    ['node', null, 'node', null, null],
    ['node:20-alpine', null, 'node', '20-alpine', null],
    ['library/node:20', null, 'library/node', '20', null],
    ['docker.io/library/node:20', 'docker.io', 'library/node', '20', null],
    ['localhost:5000/app:1.0', 'localhost:5000', 'app', '1.0', null],
    ['localhost/app', 'localhost', 'app', null, null],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io', 'distroless/static-debian12', 'nonroot', null],
    [`node@${D}`, null, 'node', null, D],
    [`node:20@${D}`, null, 'node', '20', D],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809', 'mcr.microsoft.com', 'dotnet/aspnet', '8.0-nanoserver-1809', null],
    ['[::1]:5000/x:y', '[::1]:5000', 'x', 'y', null],
    ['my_org/a__b.c-d:T_1', null, 'my_org/a__b.c-d', 'T_1', null],
  ];
  for (const [name, registry, repository, tag, digest] of valid) {
    it(name, () => { assert.deepEqual(parseImageRef(name), { name, registry, repository, tag, digest }); });
  }
  for (const bad of ['', ' ', 'Node', 'node:', 'node:$TAG', '${IMAGE}', 'node@sha256:abc', 'a//b', '-x', 'x:-tag', 'node:20 extra', 'UPPER.io/'] ) {
    it(`rejects ${JSON.stringify(bad)}`, () => { assert.equal(parseImageRef(bad), null); });
  }
});
