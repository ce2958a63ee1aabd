// What the builder rejects beyond the grammar: each problem is a located parse error, so the
// file is not graded. Valid forms of the same instructions stay clean.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';

const errors = (text: string, buildArgs?: Record<string, string>): string[] =>
  parseDockerfile(text, { path: 'Dockerfile', buildArgs }).parseErrors.map((e) => `${e.range.start.line}:${e.range.start.column} ${e.message}`);

describe('build validation', () => {
  it('image references: a digest is sha256: and 64 hex digits; a tag has no other characters', () => {
    assert.deepEqual(errors('FROM node@sha256:abc123...\n'), ['1:6 FROM node@sha256:abc123...: a sha256 digest is 64 lower-case hex digits; "sha256:abc123..." is not one']);
    assert.match(errors(`FROM node@sha256:${'a'.repeat(40)}\n`)[0] ?? '', /64 lower-case hex digits/);
    assert.match(errors('FROM node:22 slim\n')[0] ?? '', /FROM takes an image/);
    assert.match(errors('FROM node:22!\n')[0] ?? '', /the tag "22!" may hold only/);
    assert.match(errors('FROM Node:22\n')[0] ?? '', /lower case/);
    assert.match(errors('ARG D=sha256:abc\nFROM node@${D}\n', { D: 'sha256:abc' })[0] ?? '', /sha256 digest/, 'checked with the build argument given');
    assert.deepEqual(errors('ARG TAG=42\nARG SHA=""\nFROM ghcr.io/acme/os:${TAG}@${SHA}\n'), [], 'a default the build overrides is not judged');
    assert.deepEqual(errors(`FROM node:22-slim@sha256:${'0123456789abcdef'.repeat(4)}\nFROM ghcr.io/acme/app:1.2.3\nFROM localhost:5000/x\nFROM scratch\n`), []);
    assert.deepEqual(errors('ARG IMAGE\nFROM ${IMAGE}\n'), [], 'an unresolved variable is not judged');
  });
  it('HEALTHCHECK: CMD <command> or NONE, known options with values, Go durations', () => {
    assert.deepEqual(errors('FROM alpine:3.20\nHEALTHCHECK ...\n'), ['2:13 HEALTHCHECK takes CMD <command> or NONE, not "..."']);
    assert.deepEqual(errors('FROM alpine:3.20\nHEALTHCHECK\n'), ['2:1 HEALTHCHECK requires at least one argument']);
    assert.deepEqual(errors('FROM alpine:3.20\nHEALTHCHECK CMD\n'), ['2:13 HEALTHCHECK CMD needs a command after CMD']);
    assert.deepEqual(errors('FROM alpine:3.20\nHEALTHCHECK NONE --x\n'), ['2:13 HEALTHCHECK NONE takes no arguments']);
    assert.match(errors('FROM alpine:3.20\nHEALTHCHECK --interval=30 CMD true\n')[0] ?? '', /--interval=30 is not a duration/);
    assert.match(errors('FROM alpine:3.20\nHEALTHCHECK --timeout=-5s CMD true\n')[0] ?? '', /negative/);
    assert.match(errors('FROM alpine:3.20\nHEALTHCHECK --retries=three CMD true\n')[0] ?? '', /not a whole number/);
    assert.match(errors('FROM alpine:3.20\nHEALTHCHECK --intervall=30s CMD true\n')[0] ?? '', /does not take --intervall/);
    assert.match(errors('FROM alpine:3.20\nHEALTHCHECK --interval 30s CMD true\n')[0] ?? '', /--interval needs a value/);
    assert.deepEqual(errors('FROM alpine:3.20\nHEALTHCHECK --interval=1m30s --timeout=500ms --start-period=0 --start-interval=2s --retries=3 CMD wget -qO- http://127.0.0.1/ || exit 1\n'), []);
    assert.deepEqual(errors('FROM alpine:3.20\nHEALTHCHECK cmd ["/bin/check"]\nHEALTHCHECK none\n'), []);
  });
  it('instructions missing their arguments, flags an instruction does not take', () => {
    assert.deepEqual(errors('FROM alpine:3.20\nCOPY app\n'), ['2:1 COPY requires at least two arguments: a source and a destination']);
    assert.deepEqual(errors('FROM alpine:3.20\nWORKDIR\nEXPOSE\n'), ['2:1 WORKDIR requires at least one argument', '3:1 EXPOSE requires at least one argument']);
    assert.match(errors('FROM alpine:3.20\nCOPY --form=build /a /b\n')[0] ?? '', /COPY does not take --form/);
    assert.match(errors('FROM alpine:3.20\nCOPY --from /a /b\n')[0] ?? '', /--from needs a value/);
    assert.match(errors('FROM --plattform=linux/amd64 alpine:3.20\n')[0] ?? '', /FROM does not take --plattform/);
    assert.deepEqual(errors('FROM --platform=$BUILDPLATFORM alpine:3.20 AS b\nRUN --mount=type=cache,target=/c --network=none true\nCOPY --link --chmod=755 --chown=1:1 a /b\nCOPY <<EOF /etc/x\nhi\nEOF\nADD --checksum=sha256:0 --keep-git-dir https://x/y /z\nCOPY ["a b", "/c"]\nONBUILD COPY a /b\n'), []);
    assert.match(errors('FROM alpine:3.20\nONBUILD COPY a\n')[0] ?? '', /COPY requires at least two/, 'an ONBUILD trigger is checked too');
  });
});
