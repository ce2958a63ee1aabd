import '../../helpers/dockerfile-loader.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/base-image-old.js';
import imageOld from '../../../src/rules/image/image-old.js';

const engine = (created: string, today = '2026-06-01') => `# engine: debian:12-slim created ${created}, 74.1 MB\n# today: ${today}\n`;

testRule(rule, {
  valid: [
    { name: 'no --inspect-images: nothing is known of the base', code: 'FROM debian:12-slim\n' },
    { name: 'a recent base', code: `${engine('2026-05-20T08:00:00Z')}FROM debian:12-slim\n` },
    { name: 'one day short of the limit', code: `${engine('2025-12-04T00:00:00Z')}FROM debian:12-slim\n` },
    { name: 'the engine does not have it', code: '# engine: debian:12-slim missing\nFROM debian:12-slim\n' },
    { name: 'a zero created time (a reproducible build)', code: `${engine('1970-01-01T00:00:00Z')}FROM debian:12-slim\n` },
    { name: 'no created time', code: '# engine: debian:12-slim created , 74.1 MB\nFROM debian:12-slim\n' },
    { name: 'a stage built on a stage is judged at its root only', code: `${engine('2026-05-20T08:00:00Z')}FROM debian:12-slim AS base\nFROM base\n` },
    { name: 'a longer limit', code: `${engine('2025-06-01T00:00:00Z')}FROM debian:12-slim\n`, options: { maxAgeDays: 400 } },
  ],
  invalid: [
    {
      name: 'built 506 days ago',
      code: `${engine('2025-01-10T08:00:00Z')}FROM debian:12-slim\nCMD ["sh"]\n`,
      errors: [{ line: 3, column: 6, endColumn: 20, severity: 'info', message: 'the local debian:12-slim was built on 2025-01-10, 506 days ago (limit 180): pull the current one and rebuild to take in its security fixes' }],
    },
    { name: 'exactly the limit', code: `${engine('2025-12-03T00:00:00Z')}FROM debian:12-slim\n`, errors: [{ line: 3, message: '180 days ago' }] },
    {
      name: 'every FROM of an old image, build stages too',
      code: `${engine('2025-01-10T08:00:00Z')}FROM debian:12-slim AS build\nRUN true\nFROM debian:12-slim\n`,
      errors: [{ line: 3 }, { line: 5 }],
    },
    { name: 'a shorter limit', code: `${engine('2026-04-01T00:00:00Z')}FROM debian:12-slim\n`, options: { maxAgeDays: 30 }, errors: [{ line: 3, message: '61 days ago (limit 30)' }] },
  ],
});

describe('dockerfile/base-image-old', () => {
  it('has the default limit of image/image-old', () => {
    assert.equal(rule.options?.defaults.maxAgeDays, imageOld.options?.defaults.maxAgeDays);
  });
});
