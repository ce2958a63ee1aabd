// CycloneDX 1.5 JSON from the image inventory (OS from os-release, dpkg/apk databases, npm and
// Python packages), to hand to a vulnerability scanner (Trivy, Grype) — the seeds recommend one;
// tightship keeps no vulnerability database of its own. Pure: (results, meta) => string.
import { createHash } from 'node:crypto';
import type { TargetResult } from '../engine/types.js';
import type { ReportMeta } from './common.js';
import type { ImageInventory } from '../targets/image/audit.js';
import type { PackageRef } from '../targets/image/model.js';

interface Component {
  type: string;
  'bom-ref': string;
  name: string;
  version?: string;
  purl?: string;
  licenses?: { license: { name: string } }[];
  properties?: { name: string; value: string }[];
  components?: Component[];
}

const enc = (s: string) => encodeURIComponent(s);

export function purlOf(p: PackageRef, inv: ImageInventory): string {
  const os = inv.osRelease;
  switch (p.type) {
    case 'deb': {
      const q = [p.arch && `arch=${enc(p.arch)}`, os && `distro=${enc(`${os.id}-${os.versionId}`)}`, p.source && `upstream=${enc(p.source)}`].filter(Boolean);
      return `pkg:deb/${enc(os?.id ?? 'debian')}/${enc(p.name)}@${enc(p.version)}${q.length ? `?${q.join('&')}` : ''}`;
    }
    case 'apk': {
      const q = [p.arch && `arch=${enc(p.arch)}`, os && `distro=${enc(os.versionId)}`].filter(Boolean);
      return `pkg:apk/${enc(os?.id ?? 'alpine')}/${enc(p.name)}@${enc(p.version)}${q.length ? `?${q.join('&')}` : ''}`;
    }
    case 'npm': {
      const at = p.name.startsWith('@') ? p.name.indexOf('/') : -1;
      const name = at > 0 ? `${enc(p.name.slice(0, at))}/${enc(p.name.slice(at + 1))}` : enc(p.name);
      return `pkg:npm/${name}@${enc(p.version)}`;
    }
    case 'pypi':
      return `pkg:pypi/${enc(p.name.toLowerCase().replace(/[-_.]+/g, '-'))}@${enc(p.version)}`;
  }
}

/** A stable UUID (v5 layout) from a string, so the same image gives the same serial number. */
function uuidFrom(text: string): string {
  const h = createHash('sha1').update(`tightship-cyclonedx:${text}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function componentsOf(inv: ImageInventory): Component[] {
  const out: Component[] = [];
  if (inv.osRelease) {
    out.push({ type: 'operating-system', 'bom-ref': `os:${inv.osRelease.id}@${inv.osRelease.versionId}`, name: inv.osRelease.id, version: inv.osRelease.versionId, properties: [{ name: 'tightship:pretty-name', value: inv.osRelease.prettyName }] });
  }
  const seen = new Set<string>();
  for (const p of inv.packages) {
    const purl = purlOf(p, inv);
    const ref = `${purl}#${p.path}`;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const c: Component = { type: 'library', 'bom-ref': ref, name: p.name, version: p.version, purl };
    if (p.license) c.licenses = [{ license: { name: p.license } }];
    c.properties = [{ name: 'tightship:package-type', value: p.type }, { name: 'tightship:path', value: p.path }];
    if (p.source) c.properties.push({ name: 'tightship:source-package', value: p.source });
    out.push(c);
  }
  return out;
}

function imageComponent(r: TargetResult, inv: ImageInventory): Component {
  return {
    type: 'container',
    'bom-ref': `image:${inv.id}`,
    name: inv.name ?? r.target.image ?? r.target.path,
    version: inv.id,
    properties: [{ name: 'tightship:platform', value: `${inv.os}/${inv.architecture}` }, { name: 'tightship:level', value: r.level ?? 'unknown' }],
  };
}

export function formatCycloneDx(results: readonly TargetResult[], meta: ReportMeta): string {
  const images = results.flatMap((r) => (r.facts?.inventory ? [{ r, inv: r.facts.inventory as ImageInventory }] : []));
  const tools = { components: [{ type: 'application', name: 'tightship', version: meta.toolVersion }] };
  const bom: Record<string, unknown> = {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${uuidFrom(images.map((i) => i.inv.id).join(',') || 'empty')}`,
    version: 1,
  };
  if (images.length === 1) {
    const { r, inv } = images[0];
    bom.metadata = { tools, component: imageComponent(r, inv) };
    bom.components = componentsOf(inv);
  } else {
    bom.metadata = { tools };
    bom.components = images.map(({ r, inv }) => ({ ...imageComponent(r, inv), components: componentsOf(inv) }));
  }
  return `${JSON.stringify(bom, null, 2)}\n`;
}
