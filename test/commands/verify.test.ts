// verify's usage errors and an unreachable engine: one line, a hint, exit 2, no stack trace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli-io.js';
import { parseDuration } from '../../src/commands/verify.js';

describe('tightship verify: errors', () => {
  const cases: [string[], RegExp][] = [
    [[], /no image given/],
    [['a', 'b'], /give one image/],
    [['img', '--container', 'c'], /either an IMAGE or --container/],
    [['img', '--profile', 'paranoid'], /unknown profile 'paranoid'/],
    [['img', '--http', 'health'], /is not a path/],
    [['img', '--timeout', 'soon'], /is not a duration/],
    [['img', '--port', 'http'], /is not a port/],
    [['--container', 'c', '--profile', 'as-is'], /apply when verify runs an image/],
    [['img', '--format', 'xml'], /unknown format 'xml'/],
  ];
  for (const [argv, message] of cases) {
    it(`verify ${argv.join(' ')}`, async () => {
      const r = await runCli(['verify', ...argv], process.cwd());
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^tightship: .*\nhint: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  it('an engine that is not there: one line, exit 2', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///nonexistent/tightship-test.sock';
    try {
      const r = await runCli(['verify', 'secure-app:hardened'], process.cwd());
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^tightship: the Docker engine is not reachable at DOCKER_HOST=unix:\/\/\/nonexistent\/tightship-test.sock \(ENOENT\)\nhint: /);
      assert.equal(r.stdout, '');
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it('parseDuration', () => {
    assert.equal(parseDuration('60s', '--timeout'), 60_000);
    assert.equal(parseDuration('2m', '--timeout'), 120_000);
    assert.equal(parseDuration('500ms', '--timeout'), 500);
    assert.equal(parseDuration('90', '--timeout'), 90_000);
    assert.throws(() => parseDuration('0s', '--timeout'), /out of range/);
  });
});
