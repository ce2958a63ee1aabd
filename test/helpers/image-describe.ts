// A small text description of an image, turned into an ImageModel through the same collector and
// merge the tar readers use. It is how rule examples and rule tests state an image in a few lines:
//
//   user: app                      config.User (also env:, expose:, label:, healthcheck:, cmd:, entrypoint:)
//   name: app:1.2 / created: 2026-01-02T03:04:05Z / today: 2026-06-01   the image's name, build time, audit date
//   history: ENV A=b               a history entry that made no layer
//   layer: RUN apk add curl        starts a layer (its history entry); the lines below go into it
//   file /usr/bin/su mode=4755     a regular file (mode, uid, gid, size optional)
//   file /app/.env << K=v\nL=w     a file with content (\n for new lines)
//   dir /tmp mode=1777             a directory
//   link /bin/sh -> busybox        a symlink;  hardlink /a => /b  a hard link
//   delete /root/.ssh/id_rsa       a whiteout;  opaque /var/cache  an opaque directory
//   tamper                         the manifest declares another digest for this layer
//   entry ../../etc/x              a raw tar name (for hostile names)
//   signature: none                an OCI layout with no cosign signature for the image;
//   signature: verified            …with one signature of that verdict (unverified, bad-signature,
//                                  digest-mismatch, unreadable); `key` after it: --key was given
import { createHash } from 'node:crypto';
import type { ImageModel, ImageSignatures, SignatureCheck } from '../../src/targets/image/model.js';
import { LayerCollector, type LayerScan } from '../../src/targets/image/layer-scan.js';
import { buildModel, type ConfigDoc, type LayerInput } from '../../src/targets/image/merge.js';

interface PendingLayer { createdBy: string; lines: string[]; tamper: boolean }

export function describeImage(text: string, path = 'image.tar'): ImageModel {
  const config: NonNullable<ConfigDoc['config']> = {};
  const history: NonNullable<ConfigDoc['history']> = [];
  const layers: PendingLayer[] = [];
  let current: PendingLayer | null = null;
  let signature: { verdicts: string[]; key: boolean } | null = null;
  const meta: { name?: string; created?: string; today?: string } = {};
  const layer = (): PendingLayer => {
    if (!current) {
      current = { createdBy: '/bin/sh -c #(nop) ADD file:base in / ', lines: [], tamper: false };
      layers.push(current);
      history.push({ created_by: current.createdBy });
    }
    return current;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const kv = /^([a-z]+):\s?(.*)$/.exec(line);
    if (kv) {
      const [, key, value] = kv as unknown as [string, string, string];
      switch (key) {
        case 'user': config.User = value; continue;
        case 'name': meta.name = value; continue;
        case 'created': meta.created = value; continue;
        case 'today': meta.today = value; continue;
        case 'env': (config.Env ??= []).push(value); continue;
        case 'expose': (config.ExposedPorts ??= {})[value] = {}; continue;
        case 'label': { const i = value.indexOf('='); (config.Labels ??= {})[value.slice(0, i)] = value.slice(i + 1); continue; }
        case 'healthcheck': config.Healthcheck = { Test: value === 'NONE' ? ['NONE'] : ['CMD-SHELL', value.replace(/^CMD\s+/, '')] }; continue;
        case 'cmd': config.Cmd = value.split(' '); continue;
        case 'entrypoint': config.Entrypoint = value.split(' '); continue;
        case 'signature': {
          const words = value.split(/\s+/).filter(Boolean);
          signature ??= { verdicts: [], key: false };
          if (words.includes('key')) signature.key = true;
          signature.verdicts.push(...words.filter((w) => w !== 'key' && w !== 'none'));
          continue;
        }
        case 'history': history.push({ created_by: value.startsWith('/bin/sh') ? value : `/bin/sh -c #(nop) ${value}`, empty_layer: true }); continue;
        case 'layer': {
          const createdBy = /^RUN /.test(value) ? `/bin/sh -c ${value.slice(4)}` : value.startsWith('/bin/sh') || value.startsWith('|') ? value : `/bin/sh -c #(nop) ${value}`;
          current = { createdBy, lines: [], tamper: false };
          layers.push(current);
          history.push({ created_by: createdBy });
          continue;
        }
        default: break;
      }
    }
    if (line === 'tamper') { layer().tamper = true; continue; }
    layer().lines.push(line);
  }
  const scans: LayerScan[] = layers.map((l) => scanDescribed(l.lines));
  const inputs: LayerInput[] = scans.map((s, i) => ({
    scan: s,
    declaredDigest: layers[i].tamper ? `sha256:${'0'.repeat(64)}` : s.diffId,
    declaredIsDiffId: true,
  }));
  const doc: ConfigDoc = {
    architecture: 'amd64', os: 'linux', config,
    ...(meta.created !== undefined ? { created: meta.created } : {}),
    rootfs: { diff_ids: scans.map((s) => s.diffId) },
    history,
  };
  const id = `sha256:${createHash('sha256').update(JSON.stringify(doc)).digest('hex')}`;
  const model = buildModel({ path, id, config: doc, configDigest: { declared: id, actual: id }, layers: inputs, ...(meta.name !== undefined ? { name: meta.name } : {}) });
  if (signature) model.signatures = describedSignatures(signature, id);
  if (meta.today !== undefined) model.today = meta.today;
  return model;
}

/** The signatures of a described image: its manifest digest stands in for the config's. */
function describedSignatures(s: { verdicts: string[]; key: boolean }, id: string): ImageSignatures {
  const other = `sha256:${'1'.repeat(64)}`;
  return {
    imageDigests: [id],
    key: s.key ? 'ec prime256v1 public key cosign.pub' : null,
    signatures: s.verdicts.map((verdict, layer) => ({
      tag: `sha256-${id.slice(7)}.sig`, manifest: `sha256:${'2'.repeat(64)}`, layer,
      signedDigest: verdict === 'digest-mismatch' ? other : verdict === 'unreadable' ? null : id,
      verdict: verdict as SignatureCheck['verdict'],
      ...(verdict === 'digest-mismatch' ? { detail: `the payload signs ${other}, not ${id}` } : verdict === 'unreadable' ? { detail: 'the payload of layer 0 (sha256:…) is missing from the layout' } : verdict === 'bad-signature' ? { detail: 'the signature does not verify with the key given' } : {}),
    })),
  };
}

function scanDescribed(lines: string[]): LayerScan {
  const c = new LayerCollector();
  const hash = createHash('sha256');
  let bytes = 0;
  for (const line of lines) {
    hash.update(`${line}\n`);
    const m = /^(file|dir|link|hardlink|delete|opaque|entry|char)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) throw new Error(`image description: cannot read the line "${line}"`);
    const [, kind, p, rest] = m as unknown as [string, string, string, string];
    const name = kind === 'entry' ? p : p.replace(/^\//, '');
    let content: Buffer | null = null;
    let attrs = rest;
    const heredoc = rest.indexOf('<<');
    if (heredoc >= 0) {
      content = Buffer.from(rest.slice(heredoc + 2).trim().replace(/\\n/g, '\n'), 'utf8');
      attrs = rest.slice(0, heredoc);
    }
    const a: Partial<Record<string, string>> = {};
    for (const t of attrs.trim().split(/\s+/).filter(Boolean)) {
      const i = t.indexOf('=');
      if (i > 0 && !attrs.includes('->') && !attrs.includes('=>')) a[t.slice(0, i)] = t.slice(i + 1);
    }
    const link = /(->|=>)\s*(\S+)/.exec(attrs)?.[2];
    if (kind === 'delete' || kind === 'opaque') {
      const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
      const base = name.slice(name.lastIndexOf('/') + 1);
      c.header({ name: kind === 'delete' ? `${dir}.wh.${base}` : `${name}/.wh..wh..opq`, type: 'file', size: 0 });
      continue;
    }
    const type = kind === 'dir' ? 'directory' : kind === 'link' ? 'symlink' : kind === 'hardlink' ? 'link' : kind === 'char' ? 'character-device' : 'file';
    const size = content ? content.length : Number(a.size ?? 0);
    const want = c.header({
      name, type, size,
      mode: a.mode ? parseInt(a.mode, 8) : kind === 'dir' ? 0o755 : kind === 'link' ? 0o777 : 0o644,
      uid: Number(a.uid ?? 0), gid: Number(a.gid ?? 0),
      linkname: link ? (kind === 'hardlink' ? link.replace(/^\//, '') : link) : null,
    });
    bytes += size;
    if (want && content) c.content(want.path, content.subarray(0, want.keep));
  }
  const digest = `sha256:${hash.digest('hex')}`;
  return {
    entries: c.entries, texts: c.texts, packages: c.packages, secrets: c.secrets, problems: c.problems,
    rawDigest: digest, diffId: digest, size: bytes, uncompressedSize: bytes, compression: 'none',
  };
}
