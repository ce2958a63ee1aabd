// Cosign signatures stored beside an image in an OCI layout, found and (with a public key)
// verified offline.
//
// Cosign keeps a signature as an image manifest of its own: `cosign save` lists it in the
// layout's index.json with the annotation kind=dev.cosignproject.cosign/sigs, and a registry
// copy names it by the tag `sha256-<hex>.sig`, where sha256:<hex> is the digest of what was
// signed (the image manifest, or the index of a multi-platform image). Each layer of that
// manifest is one signature: the blob is the "simple signing" payload, a JSON document whose
// critical.image.docker-manifest-digest names the signed digest, and the layer's annotation
// dev.cosignproject.cosign/signature holds the base64 signature over the payload's bytes
// (ECDSA P-256 with SHA-256 for `cosign generate-key-pair` keys; RSA and Ed25519 keys work too).
//
// Verification is Node's crypto over those bytes. No transparency log or certificate is
// consulted (this is the key-based, offline check `cosign verify --key --insecure-ignore-tlog`
// makes): the key is the whole trust.
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserError } from '../../engine/types.js';
import type { ImageSignatures, SignatureCheck } from './model.js';

/** The index.json annotation `cosign save` puts on the signature manifest. */
const KIND_SIGS = 'dev.cosignproject.cosign/sigs';
const KIND_ATTS = 'dev.cosignproject.cosign/atts';
const SIG_ANNOTATION = 'dev.cosignproject.cosign/signature';
const REF_NAME = 'org.opencontainers.image.ref.name';
/** A cosign tag (`sha256-<hex>.sig`, `.att`, `.sbom`), alone or at the end of a full reference. */
const COSIGN_TAG = /(?:^|[:/])(sha256)-([a-f0-9]{64})\.(sig|att|sbom)$/;
/** Signature layers read per image, and bytes per payload: a signature is a few hundred bytes. */
const MAX_SIGNATURES = 64;
const MAX_PAYLOAD_BYTES = 1 << 20;

interface Descriptor { mediaType?: string; digest?: string; annotations?: Record<string, string> }

/** Reads a blob by its layout path ('blobs/sha256/<hex>'); null when absent. The digest is the
 *  one computed over the bytes read. */
type BlobReader = (name: string) => Promise<{ digest: string; data: Buffer } | null>;

/** true for an index.json descriptor that is cosign's (a signature, attestation or SBOM), not an
 *  image to audit. */
export function isCosignArtifact(d: Descriptor): boolean {
  const kind = d.annotations?.kind;
  if (kind === KIND_SIGS || kind === KIND_ATTS) return true;
  const ref = d.annotations?.[REF_NAME];
  return typeof ref === 'string' && COSIGN_TAG.test(ref);
}

/** Reads a cosign public key (PEM: `cosign.pub`). A bad file is a one-line UserError. */
export async function readCosignKey(file: string, cwd: string): Promise<{ key: KeyObject; description: string }> {
  const p = isAbsolute(file) ? file : join(cwd, file);
  let text: string;
  try {
    const st = await fs.stat(p);
    if (!st.isFile()) throw new UserError(`--key ${file}: not a regular file`, 'give the public key file cosign wrote (cosign.pub)');
    if (st.size > 64 << 10) throw new UserError(`--key ${file}: too large for a public key`, 'give the public key file cosign wrote (cosign.pub)');
    text = await fs.readFile(p, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`--key ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`, 'give the public key file cosign wrote (cosign.pub)');
  }
  if (/PRIVATE KEY-----/.test(text)) {
    throw new UserError(`--key ${file}: this is a private key`, 'verification needs only the public key (cosign.pub); keep the private key out of reach');
  }
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    throw new UserError(`--key ${file}: not a PEM public key`, 'give the public key file cosign wrote (cosign.pub, "-----BEGIN PUBLIC KEY-----")');
  }
  const type = key.asymmetricKeyType ?? 'unknown';
  if (type !== 'ec' && type !== 'rsa' && type !== 'ed25519') {
    throw new UserError(`--key ${file}: a ${type} key cannot verify cosign signatures`, 'cosign keys are ECDSA (P-256), RSA or Ed25519');
  }
  const curve = type === 'ec' ? ` ${key.asymmetricKeyDetails?.namedCurve ?? ''}` : '';
  return { key, description: `${type}${curve} public key ${file}` };
}

/** Finds the signatures of an image in an OCI layout and, with a key, verifies each.
 *  `imageDigests`: the digests the image is known by (its manifest's, then the indexes that
 *  hold it, innermost first). Every read is bounded; a problem with one signature is that
 *  signature's verdict, never the end of the audit. */
export async function findSignatures(
  index: { manifests?: unknown },
  imageDigests: readonly string[],
  read: BlobReader,
  key: { key: KeyObject; description: string } | undefined,
): Promise<ImageSignatures> {
  const result: ImageSignatures = { imageDigests: [...imageDigests], key: key?.description ?? null, signatures: [] };
  const manifests = Array.isArray(index.manifests) ? (index.manifests as unknown[]) : [];
  for (const raw of manifests) {
    if (typeof raw !== 'object' || raw === null) continue;
    const d = raw as Descriptor;
    const ref = d.annotations?.[REF_NAME];
    const tag = typeof ref === 'string' ? COSIGN_TAG.exec(ref) : null;
    let signedFor: string | null;
    if (tag) {
      if (tag[3] !== 'sig') continue;
      signedFor = `${tag[1]}:${tag[2]}`;
      if (!imageDigests.includes(signedFor)) continue; // another image's signature
    } else if (d.annotations?.kind === KIND_SIGS) {
      signedFor = null; // `cosign save`: the signatures of the image saved beside it
    } else {
      continue;
    }
    const where = typeof ref === 'string' ? ref : `kind=${KIND_SIGS}`;
    await readSignatureManifest(d, where, signedFor, imageDigests, read, key?.key, result.signatures);
    if (result.signatures.length >= MAX_SIGNATURES) break;
  }
  return result;
}

async function readSignatureManifest(
  d: Descriptor, where: string, signedFor: string | null, imageDigests: readonly string[],
  read: BlobReader, key: KeyObject | undefined, out: SignatureCheck[],
): Promise<void> {
  const manifestDigest = typeof d.digest === 'string' ? d.digest : '';
  const base = { tag: where, manifest: manifestDigest };
  const fail = (verdict: SignatureCheck['verdict'], detail: string, layer = -1): void => {
    out.push({ ...base, layer, signedDigest: null, verdict, detail });
  };
  const blob = await readByDigest(manifestDigest, read);
  if (typeof blob === 'string') {
    fail('unreadable', `the signature manifest ${blob}`);
    return;
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(blob.toString('utf8'));
  } catch {
    fail('unreadable', 'the signature manifest is not JSON');
    return;
  }
  const list = typeof manifest === 'object' && manifest !== null ? (manifest as { layers?: unknown }).layers : undefined;
  const layers = Array.isArray(list) ? (list as unknown[]) : null;
  if (!layers || layers.length === 0) {
    fail('unreadable', 'the signature manifest has no layers');
    return;
  }
  for (let i = 0; i < layers.length && out.length < MAX_SIGNATURES; i++) {
    const l = layers[i] as Descriptor | null;
    const sig = l?.annotations?.[SIG_ANNOTATION];
    if (typeof sig !== 'string' || sig === '') { fail('unreadable', `layer ${i} has no ${SIG_ANNOTATION} annotation`, i); continue; }
    const payload = await readByDigest(typeof l?.digest === 'string' ? l.digest : '', read);
    if (typeof payload === 'string') { fail('unreadable', `the payload of layer ${i} ${payload}`, i); continue; }
    out.push(checkPayload(base, i, payload, sig, signedFor, imageDigests, key));
  }
}

/** Reads a blob named by a digest and checks its bytes hash to it. A string is what went wrong. */
async function readByDigest(digest: string, read: BlobReader): Promise<Buffer | string> {
  const m = /^(sha256|sha512):([a-f0-9]{64,128})$/.exec(digest);
  if (!m) return 'has no valid digest';
  const blob = await read(`blobs/${m[1]}/${m[2]}`);
  if (!blob) return `(${digest}) is missing from the layout`;
  if (blob.data.length > MAX_PAYLOAD_BYTES) return `(${digest}) is larger than ${MAX_PAYLOAD_BYTES} bytes`;
  if (blob.digest !== digest) return `(${digest}) hashes to ${blob.digest}: altered after it was written`;
  return blob.data;
}

function checkPayload(
  base: { tag: string; manifest: string }, layer: number, payload: Buffer, sigB64: string,
  signedFor: string | null, imageDigests: readonly string[], key: KeyObject | undefined,
): SignatureCheck {
  let signedDigest: string | null = null;
  try {
    const doc = JSON.parse(payload.toString('utf8')) as { critical?: { image?: { 'docker-manifest-digest'?: unknown } } } | null;
    const v = doc?.critical?.image?.['docker-manifest-digest'];
    if (typeof v === 'string') signedDigest = v;
  } catch { /* reported below */ }
  const at = { ...base, layer, signedDigest };
  if (signedDigest === null) return { ...at, verdict: 'unreadable', detail: 'the payload is not a simple-signing document (no critical.image.docker-manifest-digest)' };
  // what the key signs is the payload: a payload naming another image is a valid signature of
  // something else, copied here
  if (signedFor !== null ? signedDigest !== signedFor : !imageDigests.includes(signedDigest)) {
    return { ...at, verdict: 'digest-mismatch', detail: `the payload signs ${signedDigest}, not ${signedFor ?? imageDigests.join(' or ')}` };
  }
  if (!key) return { ...at, verdict: 'unverified' };
  const sig = Buffer.from(sigB64, 'base64');
  let ok = false;
  try {
    ok = verifySignature(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', payload, key, sig);
  } catch {
    ok = false; // a signature of the wrong shape for this key
  }
  return ok ? { ...at, verdict: 'verified' } : { ...at, verdict: 'bad-signature', detail: 'the signature does not verify with the key given' };
}
