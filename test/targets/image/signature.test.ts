// Cosign signatures in OCI layouts: layouts signed here with keys made for the test, in cosign's
// format (a signature manifest tagged sha256-<hex>.sig or annotated kind=dev.cosignproject.cosign/sigs,
// one layer per signature: the simple-signing payload, its signature in the layer annotation).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli-io.js';
import { readImages } from '../../../src/targets/image/readers.js';
import { dockerSave, makeTar, ociLayout, sha256, writeLayout, layoutTar } from './build.js';

interface Report { results: { target: { kind: string }; error?: string; facts: { signatures?: { found: number; verified: boolean | null; checks: { verdict: string; signedDigest: string | null }[] } }; findings: { ruleId: string; severity: string; message: string }[] }[] }

const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signer = pair();
const stranger = pair();
const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();

type Files = Map<string, Buffer>;

function put(files: Files, data: Buffer, mediaType: string): { mediaType: string; digest: string; size: number } {
  const digest = sha256(data);
  files.set(`blobs/sha256/${digest.slice(7)}`, data);
  return { mediaType, digest, size: data.length };
}

function payloadFor(digest: string): Buffer {
  return Buffer.from(JSON.stringify({ critical: { identity: { 'docker-reference': 'registry.example/app' }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' }, optional: null }));
}

/** Adds a cosign signature manifest for `signed` (a digest) to the layout's index.json. */
function addSignature(files: Files, signed: string, opts: { key?: KeyObject; payloadDigest?: string; tamperPayload?: 'consistent' | 'blob'; how?: 'tag' | 'kind' } = {}): void {
  let payload = payloadFor(opts.payloadDigest ?? signed);
  const signature = sign('sha256', payload, opts.key ?? signer.privateKey).toString('base64');
  if (opts.tamperPayload === 'consistent') payload = Buffer.from(payload.toString().replace('registry.example/app', 'registry.example/evil'));
  const layer = put(files, payload, 'application/vnd.dev.cosign.simplesigning.v1+json');
  if (opts.tamperPayload === 'blob') files.set(`blobs/sha256/${layer.digest.slice(7)}`, Buffer.from(payload.toString().replace('app', 'evil')));
  const config = put(files, Buffer.from('{"architecture":"","os":"","config":{},"rootfs":{"type":"layers","diff_ids":[]}}'), 'application/vnd.oci.image.config.v1+json');
  const manifest = put(files, Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config,
    layers: [{ ...layer, annotations: { 'dev.cosignproject.cosign/signature': signature } }],
  })), 'application/vnd.oci.image.manifest.v1+json');
  const index = JSON.parse(String(files.get('index.json'))) as { manifests: unknown[] };
  index.manifests.push({ ...manifest, annotations: opts.how === 'kind' ? { kind: 'dev.cosignproject.cosign/sigs' } : { 'org.opencontainers.image.ref.name': `registry.example/app:sha256-${signed.slice(7)}.sig` } });
  files.set('index.json', Buffer.from(JSON.stringify(index)));
}

function imageDigest(files: Files): string {
  const index = JSON.parse(String(files.get('index.json'))) as { manifests: { digest: string }[] };
  const d = index.manifests[0];
  assert.ok(d);
  return d.digest;
}

const image = () => ociLayout([{ spec: { layers: [makeTar([{ name: 'etc/', type: '5' }, { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001::/app:/usr/sbin/nologin\n' }, { name: 'app/server.js', data: 'x' }])], config: { User: '10001' } } }]);

let dir = '';
function layout(name: string, files: Files): string {
  writeLayout(join(dir, name), files);
  return name;
}

async function audit(args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(['image', ...args, '--format', 'json', '--fail-on', 'none'], dir);
  return { code: r.code, report: r.code === 2 ? { results: [] } : (JSON.parse(r.stdout) as Report), stderr: r.stderr };
}
type Result = Report['results'][number];
function first(rep: Report): Result {
  const r = rep.results[0];
  assert.ok(r, 'one result');
  return r;
}
function sigs(rep: Report): NonNullable<Result['facts']['signatures']> {
  const s = first(rep).facts.signatures;
  assert.ok(s, 'signature facts');
  return s;
}
const byRule = (rep: Report, id: string) => first(rep).findings.filter((f) => f.ruleId === id);
function message(rep: Report, id: string): string {
  const f = byRule(rep, id)[0];
  assert.ok(f, `a ${id} finding`);
  return f.message;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-signature-'));
  writeFileSync(join(dir, 'cosign.pub'), pem(signer.publicKey));
  writeFileSync(join(dir, 'other.pub'), pem(stranger.publicKey));
  writeFileSync(join(dir, 'cosign.key'), signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  writeFileSync(join(dir, 'garbage.pub'), 'not a key\n');
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

describe('cosign signatures in an OCI layout', () => {
  it('a good signature: found without a key, verified with it', async () => {
    const files = image();
    addSignature(files, imageDigest(files));
    const p = layout('good', files);
    const plain = await audit([p]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.report.results.length, 1, 'the signature manifest is not audited as an image');
    assert.deepEqual(sigs(plain.report).checks.map((c) => c.verdict), ['unverified']);
    assert.equal(sigs(plain.report).verified, null);
    assert.deepEqual(byRule(plain.report, 'image/unsigned'), []);
    const keyed = await audit([p, '--key', 'cosign.pub']);
    assert.equal(sigs(keyed.report).verified, true);
    assert.deepEqual(sigs(keyed.report).checks.map((c) => c.verdict), ['verified']);
    assert.deepEqual(byRule(keyed.report, 'image/signature-invalid'), []);
  });

  it('the wrong key: the signature does not verify (error, exit 1)', async () => {
    const files = image();
    addSignature(files, imageDigest(files));
    const p = layout('wrong-key', files);
    const r = await runCli(['image', p, '--key', 'other.pub', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const rep = JSON.parse(r.stdout) as Report;
    assert.equal(sigs(rep).verified, false);
    const f = byRule(rep, 'image/signature-invalid');
    assert.equal(f.length, 1);
    assert.equal(f[0]?.severity, 'error');
    assert.match(message(rep, 'image/signature-invalid'), /does not verify with the ec prime256v1 public key other\.pub/);
  });

  it('a tampered payload (blobs re-hashed to match) fails the signature; an altered blob is unreadable', async () => {
    const consistent = image();
    addSignature(consistent, imageDigest(consistent), { tamperPayload: 'consistent' });
    const a = await audit([layout('tampered', consistent), '--key', 'cosign.pub']);
    assert.deepEqual(sigs(a.report).checks.map((c) => c.verdict), ['bad-signature']);
    assert.equal(byRule(a.report, 'image/signature-invalid').length, 1);
    const altered = image();
    addSignature(altered, imageDigest(altered), { tamperPayload: 'blob' });
    const b = await audit([layout('altered', altered), '--key', 'cosign.pub']);
    assert.deepEqual(sigs(b.report).checks.map((c) => c.verdict), ['unreadable']);
    assert.match(message(b.report, 'image/signature-invalid'), /hashes to sha256:[a-f0-9]{64}: altered after it was written/);
  });

  it('a digest mismatch: a valid signature of another image, tagged as this one', async () => {
    const files = image();
    const other = `sha256:${'ab'.repeat(32)}`;
    addSignature(files, imageDigest(files), { payloadDigest: other });
    const r = await audit([layout('mismatch', files), '--key', 'cosign.pub']);
    const checks = sigs(r.report).checks;
    assert.deepEqual(checks.map((c) => [c.verdict, c.signedDigest]), [['digest-mismatch', other]]);
    assert.match(message(r.report, 'image/signature-invalid'), new RegExp(`names another image: the payload signs ${other}`));
    // found the same without a key: the payload names another digest whoever signed it
    const plain = await audit(['mismatch']);
    assert.equal(byRule(plain.report, 'image/signature-invalid').length, 1);
  });

  it('no signature: image/unsigned (info); with --key, signature-invalid too', async () => {
    const files = image();
    // another image's signature in the same layout is not this image's
    addSignature(files, `sha256:${'cd'.repeat(32)}`);
    const p = layout('unsigned', files);
    const plain = await audit([p]);
    assert.equal(sigs(plain.report).found, 0);
    const u = byRule(plain.report, 'image/unsigned');
    assert.equal(u.length, 1);
    assert.equal(u[0]?.severity, 'info');
    assert.match(message(plain.report, 'image/unsigned'), new RegExp(`no cosign signature of ${imageDigest(files)}`));
    const keyed = await audit([p, '--key', 'cosign.pub']);
    assert.match(message(keyed.report, 'image/signature-invalid'), /--key was given, but the layout holds no signature/);
  });

  it('cosign save\'s layout (kind annotation), a multi-platform index signed by its digest, and a layout tar', async () => {
    const saved = image();
    addSignature(saved, imageDigest(saved), { how: 'kind' });
    const a = await audit([layout('saved', saved), '--key', 'cosign.pub']);
    assert.equal(sigs(a.report).verified, true);

    const multi = ociLayout([
      { spec: { layers: [makeTar([{ name: 'a', data: '1' }])], config: { User: '10001' } }, platform: 'linux/amd64' },
      { spec: { layers: [makeTar([{ name: 'a', data: '2' }])], config: { User: '10001' } }, platform: 'linux/arm64' },
    ], { nested: true });
    addSignature(multi, imageDigest(multi)); // the index digest, as `cosign sign IMAGE@sha256:<index>` signs
    const b = await audit([layout('multi', multi), '--platform', 'linux/arm64', '--key', 'cosign.pub']);
    assert.equal(sigs(b.report).verified, true);

    const tarred = image();
    addSignature(tarred, imageDigest(tarred));
    writeFileSync(join(dir, 'layout.tar'), layoutTar(tarred));
    const c = await audit(['layout.tar', '--key', 'cosign.pub']);
    assert.equal(sigs(c.report).verified, true);
  });

  it('two signers: the one that verifies counts, the other key\'s signature is not an error', async () => {
    const files = image();
    addSignature(files, imageDigest(files), { key: stranger.privateKey });
    addSignature(files, imageDigest(files));
    const r = await audit([layout('two', files), '--key', 'cosign.pub']);
    assert.deepEqual(sigs(r.report).checks.map((c) => c.verdict).sort(), ['bad-signature', 'verified']);
    assert.deepEqual(byRule(r.report, 'image/signature-invalid'), []);
  });

  it('a docker-save tar and an image without a layout are not judged; --key there is a usage error', async () => {
    const models = await readImages('good', dir);
    assert.ok(models[0]?.signatures);
    const bad = await runCli(['image', 'good', '--key', 'cosign.key'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--key cosign\.key: this is a private key/);
    assert.doesNotMatch(bad.stderr, /BEGIN|at .*\.js/);
    const garbage = await runCli(['image', 'good', '--key', 'garbage.pub'], dir);
    assert.equal(garbage.code, 2);
    assert.match(garbage.stderr, /--key garbage\.pub: not a PEM public key/);
    const missing = await runCli(['image', 'good', '--key', 'nope.pub'], dir);
    assert.match(missing.stderr, /--key nope\.pub: cannot read it \(ENOENT\)/);
    writeFileSync(join(dir, 'saved.tar'), dockerSave([{ layers: [makeTar([{ name: 'a', data: '1' }])], repoTags: ['app:1'], config: { User: '10001' } }]));
    const plain = await audit(['saved.tar']);
    assert.equal(first(plain.report).facts.signatures, undefined);
    assert.deepEqual(byRule(plain.report, 'image/unsigned'), []);
    const keyed = await runCli(['image', 'saved.tar', '--key', 'cosign.pub'], dir);
    assert.equal(keyed.code, 2);
    assert.match(keyed.stderr, /saved\.tar: a docker-save archive or an engine image holds no signatures to verify with --key/);
  });
});
