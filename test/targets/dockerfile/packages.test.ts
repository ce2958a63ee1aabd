// The package fact of the Dockerfile model: every package-manager / installer invocation of every RUN
// and ONBUILD RUN, read once by the real parser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import type { PackageCall } from '../../../src/targets/dockerfile/packages.js';

function model(text: string) {
  return parseDockerfile(text, { path: 'Dockerfile', buildArgs: {} });
}
/** The calls of a one-RUN Dockerfile. */
function calls(run: string, before = ''): PackageCall[] {
  return model(`FROM x\n${before}RUN ${run}\n`).packages.flatMap((r) => r.calls);
}
const one = (run: string, before = ''): PackageCall => {
  const c = calls(run, before);
  assert.equal(c.length, 1, `one call in ${run}`);
  return c[0];
};

describe('package fact: reading the command line', () => {
  it('splits combined short flags and finds the sub-command after them', () => {
    const c = one('apt-get -qy install curl=7.88 wget');
    assert.equal(c.tool, 'apt-get');
    assert.equal(c.sub, 'install');
    assert.equal(c.verb, 'install');
    assert.equal(c.subIndex, 2);
    assert.ok(c.opts.some((o) => o.name === 'q') && c.opts.some((o) => o.name === 'y'));
    assert.deepEqual(c.packages.map((p) => [p.name, p.version, p.pinned]), [['curl', '=7.88', true], ['wget', null, false]]);
  });
  it('consumes the values of options that take one; apk --virtual NAME is not a package', () => {
    const [a, b] = calls('apt-get -o APT::Get::Assume-Yes=true -t bookworm-backports install git; apk add --no-cache --virtual .deps gcc');
    assert.deepEqual(a.packages.map((p) => p.value), ['git']);
    assert.deepEqual(b.packages.map((p) => p.value), ['gcc']);
  });
  it('recognises python -m pip, pip3, pipx, sudo- and xargs-wrapped commands; echo is not a call', () => {
    const c = calls('python3 -m pip install flask; pip3 install x; python -m pipx install black; sudo dnf -y install httpd; xargs -r apt-get install -y < l; echo apt-get install x');
    assert.deepEqual(c.map((x) => x.tool), ['pip', 'pip', 'pipx', 'dnf', 'apt-get']);
    assert.deepEqual(c.map((x) => x.position), [0, 1, 2, 3, 4]);
  });
  it('treats dry runs as no package operation', () => {
    assert.deepEqual(calls('apt-get install -s x; pip install --dry-run y'), []);
  });
  it('keeps every RUN with a call, ONBUILD RUN triggers included, and none without', () => {
    const m = model('FROM x\nRUN echo hi\nRUN apk add curl\nONBUILD RUN gem install rails\n');
    assert.deepEqual(m.packages.map((r) => [r.instr.range.start.line, r.onbuild, r.calls[0].tool]), [[3, false, 'apk'], [4, true, 'gem']]);
  });
  it('gives the location of the words through the command spans', () => {
    const m = model('FROM x\nRUN apt-get update && \\\n    apt-get install -y curl\n');
    const c = m.packages[0].calls[1];
    const span = c.cmd.spans[c.subIndex];
    assert.ok(span);
    assert.equal(m.text.slice(span.start, span.end), 'install');
  });
});

describe('package fact: verbs', () => {
  it('dnf/microdnf/yum abbreviations and group/module forms', () => {
    const v = (r: string) => { const c = one(r); return [c.sub, c.verb]; };
    assert.deepEqual(v('dnf in -y x'), ['in', 'install']);
    assert.deepEqual(v('dnf -y up'), ['up', 'upgrade']);
    assert.deepEqual(v('dnf -y upgrade-minimal'), ['upgrade-minimal', 'upgrade']);
    assert.deepEqual(v('dnf -y rei x'), ['rei', 'install']);
    assert.deepEqual(v('dnf -y module install nodejs:20'), ['module install', 'install']);
    assert.deepEqual(v('microdnf group install -y "Development Tools"'), ['group install', 'install']);
    assert.deepEqual(v('yum makecache'), ['makecache', 'update']);
  });
  it('zypper verbs', () => {
    assert.deepEqual(['zypper in x', 'zypper -n install x', 'zypper patch', 'zypper ref', 'zypper cc'].map((r) => one(r).verb),
      ['install', 'install', 'upgrade', 'update', 'clean']);
  });
  it('yarn: a bare yarn installs; --version, run and a script do not', () => {
    assert.deepEqual(['yarn', 'yarn install', 'yarn --version', 'yarn run build', 'yarn build', 'yarn cache clean', 'yarn global add x'].map((r) => one(r).verb),
      ['install', 'install', 'other', 'run', 'run', 'clean', 'install']);
  });
  it('frozen lockfile installs: npm ci, pnpm with CI set or --frozen-lockfile, bun --frozen-lockfile, yarn --immutable', () => {
    const f = (r: string, before = '') => one(r, before).frozen;
    assert.equal(f('npm ci'), true);
    assert.equal(f('pnpm install'), false);
    assert.equal(f('pnpm install --frozen-lockfile'), true);
    assert.equal(f('CI=1 pnpm install'), true);
    assert.equal(f('pnpm install', 'ENV CI=true\n'), true);
    assert.equal(f('bun install'), false);
    assert.equal(f('bun install --frozen-lockfile'), true);
    assert.equal(f('yarn install --immutable'), true);
  });
});

describe('package fact: versions', () => {
  const pins = (r: string) => one(r).packages.map((p) => p.pinned);
  it('apt, apk, rpm and zypper forms', () => {
    assert.deepEqual(pins('apt-get install curl=7.88.1-10 curl curl/bookworm-backports ./x.deb'), [true, false, false]);
    assert.deepEqual(pins("apk add a=1 b~1.2 'c>2' d"), [true, true, true, false]);
    assert.deepEqual(pins('dnf install httpd-2.4.6 httpd mod_ssl'), [true, false, false]);
    assert.deepEqual(pins('dnf module install -y tomcat:9'), [true]);
    assert.deepEqual(one('dnf group install -y "Development Tools"').packages, []);
  });
  it('pip: exact and range specs, VCS with and without a ref, paths, files', () => {
    assert.deepEqual(pins("pip install a==1 b~=1.2 'c>=0.7' 'd<1' 'e!=1' f"), [true, true, true, true, true, false]);
    assert.deepEqual(pins('pip install git+https://h/r.git#egg=r git+https://h/r.git@v1#egg=r foo/bar . x.whl'), [false, true, true, true, true]);
    assert.deepEqual(pins('pipx install black'), [false]);
  });
  it('npm: versions, tags, git URLs with and without #ref, tarballs, paths', () => {
    assert.deepEqual(pins('npm install a@1 @s/b@2 c@latest @s/d git+https://h/r.git git+ssh://git@h:r.git#v1 p-1.2.3.tar x.tgz ./dir'),
      [true, true, false, false, false, true, true, true, true]);
  });
  it('gem: name:version, -v/--version for the whole command, -- ends the gems', () => {
    assert.deepEqual(pins('gem install bundler nokogiri:1'), [false, true]);
    assert.deepEqual(pins("gem install bundler -v '2.0.1'"), [true]);
    assert.deepEqual(pins('gem install bundler --version=2'), [true]);
    assert.deepEqual(pins('gem install bundler:2 -- --use-system-libraries'), [true]);
  });
  it('go: module@version; @latest and no version are not pins; local paths are the build itself', () => {
    assert.deepEqual(pins('go install a.com/x@v1.2.3 a.com/y@latest a.com/z ./cmd .'), [true, false, false, true, true]);
  });
});

describe('package fact: environment and mounts', () => {
  it('ENV and ARG in force, export and the command assignment, in order', () => {
    const [a, b, c] = calls('pip install a; export PIP_NO_CACHE_DIR=off && pip install b; PIP_NO_CACHE_DIR=1 pip install c', 'ARG X=1\nENV PIP_NO_CACHE_DIR=0\n');
    assert.equal(a.env['PIP_NO_CACHE_DIR'], '0');
    assert.equal(a.env['X'], '1');
    assert.equal(b.env['PIP_NO_CACHE_DIR'], 'off');
    assert.equal(c.env['PIP_NO_CACHE_DIR'], '1');
  });
  it('ENV is inherited through FROM <stage>, ARG is not; a later ENV does not count', () => {
    const m = model('FROM x AS a\nARG A=1\nENV E=1\nFROM a\nRUN pip install p\nENV L=1\n');
    const env = m.packages[0].calls[0].env;
    assert.equal(env['E'], '1');
    assert.equal(env['A'], undefined);
    assert.equal(env['L'], undefined);
  });
  it('a cache or tmpfs mount over the tool cache counts, elsewhere not', () => {
    const m = (flags: string, run: string) => model(`FROM x\nRUN ${flags} ${run}\n`).packages[0].calls[0].cacheMounted;
    assert.equal(m('--mount=type=cache,target=/root/.cache/pip', 'pip install x'), true);
    assert.equal(m('--mount=type=tmpfs,target=/home/app/.cache/yarn', 'yarn install'), true);
    assert.equal(m('--mount=type=cache,target=/var/lib/foobar', 'yarn install'), false);
    assert.equal(m('--mount=type=bind,target=/root/.cache/pip', 'pip install x'), false);
  });
});
