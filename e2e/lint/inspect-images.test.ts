// lint --inspect-images on Dockerfiles, against images the local engine really has (no registry):
// the age of a base image from its `created` time (dockerfile/base-image-old: an image loaded from a
// docker-save archive whose config says it was built in 2020), and the size of a full base image
// beside its -slim variant (dockerfile/base-image-full: a pair of official-looking tags put on the
// local base images, both sizes read back from the engine). Every image and tag made here is removed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/helpers/cli-io.js';
import { LOCAL_IMAGES, must, removeImages, requireEngine } from '../docker.js';

const RUN = `e2e${process.pid}`;
const OLD = `tightship-e2e/old-base-${RUN}:1`;
const FULL = `debian:${RUN}`;
const SLIM = `debian:${RUN}-slim`;
const SLIM_SOURCE = 'local/debian:bookworm-slim';

interface Finding { ruleId: string; severity: string; message: string; location: { startLine: number } }

/** A docker-save archive of a one-file image whose config was created on 2020-01-02. */
async function loadOldImage(dir: string): Promise<void> {
  const tar = async (name: string, files: string[], cwd: string) => must('tar', ['-C', cwd, '-cf', join(dir, name), ...files]);
  const layerDir = mkdtempSync(join(dir, 'layer-'));
  writeFileSync(join(layerDir, 'hello.txt'), 'built long ago\n');
  await tar('layer.tar', ['hello.txt'], layerDir);
  const diffId = createHash('sha256').update(readFileSync(join(dir, 'layer.tar'))).digest('hex');
  const created = '2020-01-02T03:04:05Z';
  writeFileSync(join(dir, 'config.json'), JSON.stringify({
    architecture: 'amd64', os: 'linux', created, config: { Cmd: ['/hello.txt'] },
    rootfs: { type: 'layers', diff_ids: [`sha256:${diffId}`] }, history: [{ created, created_by: 'tightship e2e' }],
  }));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify([{ Config: 'config.json', RepoTags: [OLD], Layers: ['layer.tar'] }]));
  await tar('old.tar', ['manifest.json', 'config.json', 'layer.tar'], dir);
  await must('docker', ['load', '-i', join(dir, 'old.tar')]);
}

async function sizeOf(image: string): Promise<number> {
  return Number((await must('docker', ['image', 'inspect', '--format', '{{.Size}}', image])).trim());
}

/** As the rule shows sizes (docker's units: decimal, three significant digits). */
function shown(bytes: number): string {
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'GB'] : bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [bytes / 1e3, 'kB'];
  return `${Number(value.toPrecision(3))} ${unit}`;
}

describe('lint --inspect-images on Dockerfiles', { timeout: 300_000 }, () => {
  let dir = '';
  const lint = async (dockerfile: string, flags: string[]): Promise<Finding[]> => {
    const file = join(dir, `Dockerfile.${createHash('sha1').update(dockerfile + flags.join(' ')).digest('hex').slice(0, 8)}`);
    writeFileSync(file, dockerfile);
    const r = await runCli(['lint', file, '--format', 'json', '--fail-on', 'none', '--no-context', ...flags], dir);
    assert.equal(r.code, 0, `lint exited ${r.code}: ${r.stderr}`);
    const report = JSON.parse(r.stdout) as { results: { findings: Finding[] }[] };
    return report.results.flatMap((x) => x.findings);
  };
  const rule = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id);

  before(async () => {
    await requireEngine([LOCAL_IMAGES.bookwormSlim, SLIM_SOURCE]);
    dir = mkdtempSync(join(tmpdir(), 'tightship-inspect-'));
    await loadOldImage(dir);
    // a full Debian image and its -slim variant, as the engine would have them after two pulls
    await must('docker', ['tag', LOCAL_IMAGES.bookwormSlim, FULL]);
    await must('docker', ['tag', SLIM_SOURCE, SLIM]);
  });
  after(async () => {
    await removeImages([OLD, FULL, SLIM]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an old base image: an info on its FROM line, with the date the engine gives', async () => {
    const found = rule(await lint(`FROM ${OLD}\nCMD ["/hello.txt"]\n`, ['--inspect-images']), 'dockerfile/base-image-old');
    assert.equal(found.length, 1);
    const f = found.at(0);
    assert.ok(f);
    assert.equal(f.severity, 'info');
    assert.equal(f.location.startLine, 1);
    assert.match(f.message, new RegExp(`^the local ${OLD.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} was built on 2020-01-02, \\d+ days ago \\(limit 180\\)`));
  });

  it('the same file without the flag, and a recent base with it: no age finding', async () => {
    assert.deepEqual(rule(await lint(`FROM ${OLD}\n`, []), 'dockerfile/base-image-old'), []);
    assert.deepEqual(rule(await lint(`FROM ${SLIM_SOURCE}\n`, ['--inspect-images']), 'dockerfile/base-image-old'), [], `${SLIM_SOURCE} was made by scripts/make-base-images.sh, not long ago`);
  });

  it('the option of the rule sets the limit', async () => {
    writeFileSync(join(dir, '.tightship.yaml'), 'rules:\n  dockerfile/base-image-old:\n    options:\n      maxAgeDays: 100000\n');
    try {
      assert.deepEqual(rule(await lint(`FROM ${OLD}\n`, ['--inspect-images']), 'dockerfile/base-image-old'), []);
    } finally {
      rmSync(join(dir, '.tightship.yaml'));
    }
  });

  it('a full base image beside its -slim variant: both sizes from the engine, and the difference', async () => {
    const full = await sizeOf(FULL);
    const slim = await sizeOf(SLIM);
    assert.ok(full > slim, `the stand-ins must differ in size (${full} vs ${slim})`);
    const found = rule(await lint(`FROM ${FULL}\nCMD ["sh"]\n`, ['--inspect-images']), 'dockerfile/base-image-full');
    assert.equal(found.length, 1);
    const saved = full - slim;
    assert.ok(found.at(0)?.message.endsWith(
      ` The local engine has ${FULL} at ${shown(full)} and ${SLIM} at ${shown(slim)}: ${shown(saved)} (${Math.round((saved / full) * 100)}%) smaller.`), found.at(0)?.message);
  });

  it('without the flag, or without the variant in the engine, the message stays as it was', async () => {
    const plain = `The final image is built on the full ${FULL} image; a smaller variant ships far fewer packages: -slim (e.g. debian:12-slim).`;
    assert.deepEqual(rule(await lint(`FROM ${FULL}\n`, []), 'dockerfile/base-image-full').map((f) => f.message), [plain]);
    await removeImages([SLIM]);
    assert.deepEqual(rule(await lint(`FROM ${FULL}\n`, ['--inspect-images']), 'dockerfile/base-image-full').map((f) => f.message), [plain]);
  });
});
