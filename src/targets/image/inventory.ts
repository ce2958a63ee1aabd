// Parsers for the package databases found inside an image: the inventory the CycloneDX report
// is made of. Pure functions over text.
import type { OsRelease, PackageRef } from './model.js';

export function parseOsRelease(text: string | undefined): OsRelease | null {
  if (!text) return null;
  const kv: Record<string, string | undefined> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) kv[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  if (!kv.ID) return null;
  const r: OsRelease = { id: kv.ID, versionId: kv.VERSION_ID ?? '', name: kv.NAME ?? kv.ID, prettyName: kv.PRETTY_NAME ?? kv.NAME ?? kv.ID };
  if (kv.VERSION_CODENAME) r.versionCodename = kv.VERSION_CODENAME;
  return r;
}

/** The blank-line separated paragraphs of a package database, one at a time (a 32 MiB file is
 *  not split into a list all at once, and reading can stop at a limit). */
function* paragraphs(text: string): Generator<string> {
  const sep = /\n\s*\n/g;
  let at = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    yield text.slice(at, m.index);
    at = m.index + m[0].length;
  }
  yield text.slice(at);
}

/** dpkg's status file (or one file of distroless' status.d): installed packages only. */
export function parseDpkgStatus(text: string, path: string, max = Infinity): PackageRef[] {
  const out: PackageRef[] = [];
  for (const para of paragraphs(text)) {
    if (out.length > max) break;
    const f: Record<string, string> = {};
    let last = '';
    for (const line of para.split('\n')) {
      if (/^\s/.test(line)) continue; // continuation of a multi-line field
      const i = line.indexOf(':');
      if (i <= 0) continue;
      last = line.slice(0, i);
      f[last] = line.slice(i + 1).trim();
    }
    if (!f.Package || !f.Version) continue;
    if (f.Status && !/\binstalled$/.test(f.Status)) continue;
    const p: PackageRef = { type: 'deb', name: f.Package, version: f.Version, path };
    if (f.Architecture) p.arch = f.Architecture;
    if (f.Source) {
      const src = f.Source.split(' ')[0];
      if (src !== f.Package) p.source = src;
    }
    out.push(p);
  }
  return out;
}

/** apk's installed database (/lib/apk/db/installed): P: name, V: version, A: arch, L: license, o: origin. */
export function parseApkInstalled(text: string, path: string, max = Infinity): PackageRef[] {
  const out: PackageRef[] = [];
  for (const para of paragraphs(text)) {
    if (out.length > max) break;
    const f: Record<string, string> = {};
    for (const line of para.split('\n')) {
      if (line.length > 2 && line[1] === ':' && !(line[0] in f)) f[line[0]] = line.slice(2);
    }
    if (!f.P || !f.V) continue;
    const p: PackageRef = { type: 'apk', name: f.P, version: f.V, path };
    if (f.A) p.arch = f.A;
    if (f.L) p.license = f.L;
    if (f.o && f.o !== f.P) p.source = f.o;
    out.push(p);
  }
  return out;
}

/** A package.json directly under node_modules (node_modules/x or node_modules/@s/x). */
export function isNodeModulesManifest(path: string): boolean {
  return /\/node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(path);
}

export function parsePackageJson(text: string, path: string): PackageRef | null {
  let j: unknown;
  try { j = JSON.parse(text); } catch { return null; }
  if (!j || typeof j !== 'object') return null;
  const o = j as Record<string, unknown>;
  if (typeof o.name !== 'string' || typeof o.version !== 'string') return null;
  const p: PackageRef = { type: 'npm', name: o.name, version: o.version, path };
  if (typeof o.license === 'string') p.license = o.license;
  return p;
}

export function isPythonMetadata(path: string): boolean {
  return /\.dist-info\/METADATA$|\.egg-info\/PKG-INFO$/.test(path);
}

export function parsePythonMetadata(text: string, path: string): PackageRef | null {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const f: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m && !(m[1] in f)) f[m[1]] = m[2];
  }
  if (!f.Name || !f.Version) return null;
  const p: PackageRef = { type: 'pypi', name: f.Name, version: f.Version, path };
  if (f.License && f.License !== 'UNKNOWN' && f.License.length < 80) p.license = f.License;
  return p;
}
