// The package-manager argv analysis the batch-B rules share, on commands split by the real parser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../../src/targets/dockerfile/parse.js';
import { shellCommands } from '../../../../src/targets/dockerfile/shell.js';
import { aptConfigOptions, aptPinned, hasOpt, npmPinned, pipPinned, type PkgCall, pkgCall, rpmPinned } from '../../../../src/rules/dockerfile/util/packages.js';
import { scanWords } from '../../../../src/rules/dockerfile/util/locate.js';

function calls(run: string): (PkgCall | null)[] {
  const model = parseDockerfile(`FROM x\nRUN ${run}\n`, { path: 'Dockerfile', buildArgs: {} });
  return shellCommands(model.instructions[1]!, model).map(pkgCall);
}

describe('pkgCall', () => {
  it('splits combined short flags and finds the sub-command after them', () => {
    const [c] = calls('apt-get -qy install curl=7.88 wget');
    assert.equal(c!.sub, 'install');
    assert.equal(c!.subIndex, 2);
    assert.ok(hasOpt(c!, 'q') && hasOpt(c!, 'y'));
    assert.deepEqual(c!.operands.map((o) => o.value), ['curl=7.88', 'wget']);
  });
  it('consumes the values of options that take one (-o, -t) and reads -o settings', () => {
    const [c] = calls('apt-get -o APT::Get::Assume-Yes=true -t bookworm-backports install git');
    assert.equal(c!.sub, 'install');
    assert.deepEqual(c!.operands.map((o) => o.value), ['git']);
    assert.equal(aptConfigOptions(c!).get('apt::get::assume-yes'), 'true');
  });
  it('takes --opt=value and --yes, and apk --virtual NAME is not a package', () => {
    const [a, b] = calls('apt-get install --yes --target-release=stable x; apk add --no-cache --virtual .deps gcc');
    assert.ok(hasOpt(a!, 'yes'));
    assert.deepEqual(a!.operands.map((o) => o.value), ['x']);
    assert.deepEqual(b!.operands.map((o) => o.value), ['gcc']);
  });
  it('recognises python -m pip, sudo-wrapped and xargs-free commands; other commands are null', () => {
    const [p, s, e] = calls('python3 -m pip install -r req.txt flask; sudo dnf -y install httpd; echo apt-get install x');
    assert.equal(p!.manager, 'pip');
    assert.deepEqual(p!.operands.map((o) => o.value), ['flask']);
    assert.equal(s!.manager, 'dnf');
    assert.equal(e, null);
  });
  it('treats dry runs as no package operation', () => {
    assert.deepEqual(calls('apt-get install -s x; pip install --dry-run y'), [null, null]);
  });
});

describe('version pins', () => {
  it('apt, rpm, pip and npm forms', () => {
    assert.ok(aptPinned('curl=7.88.1-10') && !aptPinned('curl') && !aptPinned('curl/bookworm-backports'));
    assert.ok(rpmPinned('httpd-2.4.6') && rpmPinned('curl=8.6') && !rpmPinned('httpd') && !rpmPinned('mod_ssl'));
    assert.ok(pipPinned('flask==3.0.3') && pipPinned('pkg @ https://x/y.whl') && !pipPinned('flask>=3') && !pipPinned('flask'));
    assert.ok(npmPinned('pm2@5.4.2') && npmPinned('@scope/x@1.0.0') && !npmPinned('@scope/x') && !npmPinned('x@latest'));
  });
});

describe('scanWords', () => {
  it('resolves quotes, skips continuations and comments, keeps offsets', () => {
    const text = 'apt-get install \\\n# note\n  "cu"rl \'x y\'';
    const words = scanWords(text, 0, text.length);
    assert.deepEqual(words.map((w) => w.value), ['apt-get', 'install', 'curl', 'x y']);
    assert.equal(text.slice(words[2]!.start, words[2]!.end), '"cu"rl');
  });
  it('honours a backtick escape directive for continuations', () => {
    const text = 'a `\n b';
    assert.deepEqual(scanWords(text, 0, text.length, '`').map((w) => w.value), ['a', 'b']);
  });
});
