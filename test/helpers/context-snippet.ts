// A whole build context written as one text, for rule examples, docs and rule tests:
//
//   === Dockerfile
//   FROM alpine:3.20
//   COPY . /app
//   === .dockerignore
//   .git
//   === config/.env
//   API_TOKEN=…
//   === current -> releases/v2          (a symbolic link)
//   === secrets/db.txt [unreadable]     (a file that cannot be read; a named fake for rule tables)
//
// Lines before the first `===` belong to the Dockerfile. The files live in memory.
import type { ContextFs, DirEntry, EntryType } from '../../src/targets/context/fs.js';
import type { ContextModel } from '../../src/targets/context/model.js';
import { buildContextModel } from '../../src/targets/context/build.js';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';

export interface SnippetEntry {
  type: 'file' | 'symlink';
  content: string;
  target?: string;
  unreadable?: boolean;
}

export function parseContextSnippet(code: string): Map<string, SnippetEntry> {
  const files = new Map<string, SnippetEntry>();
  let current = 'Dockerfile';
  let lines: string[] = [];
  const flush = (): void => {
    const prev = files.get(current);
    if (prev?.type === 'symlink') return;
    const content = lines.join('\n');
    if (!prev && content.trim() === '') return; // nothing before the first ===
    files.set(current, { ...(prev ?? { type: 'file' as const }), content });
  };
  for (const line of code.split('\n')) {
    const m = /^=== (.+?)\s*$/.exec(line);
    if (!m) {
      lines.push(line);
      continue;
    }
    flush();
    lines = [];
    let spec = m[1];
    const unreadable = spec.endsWith(' [unreadable]');
    if (unreadable) spec = spec.slice(0, -' [unreadable]'.length);
    const link = /^(.+?) -> (.+)$/.exec(spec);
    if (link) {
      current = link[1];
      files.set(current, { type: 'symlink', content: '', target: link[2] });
    } else {
      current = spec;
      files.set(current, { type: 'file', content: '', ...(unreadable ? { unreadable } : {}) });
    }
  }
  flush();
  for (const [k, v] of files) {
    if (v.type === 'file') files.set(k, { ...v, content: v.content.trim() === '' ? '' : v.content.replace(/\n*$/, '\n') });
  }
  return files;
}

function errno(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** An in-memory ContextFs over the files of a snippet (directories are implied by paths). */
export function memoryFs(files: Map<string, SnippetEntry>): ContextFs {
  const dirs = new Map<string, Map<string, EntryType>>();
  dirs.set('', new Map());
  for (const [path, entry] of files) {
    const segs = path.split('/');
    let dir = '';
    for (let i = 0; i < segs.length; i++) {
      const child = dir === '' ? segs[i] : `${dir}/${segs[i]}`;
      const last = i === segs.length - 1;
      let entries = dirs.get(dir);
      if (!entries) dirs.set(dir, (entries = new Map<string, EntryType>()));
      entries.set(segs[i], last ? entry.type : 'dir');
      if (!last && !dirs.has(child)) dirs.set(child, new Map());
      dir = child;
    }
  }
  return {
    list(relDir) {
      const d = dirs.get(relDir);
      if (!d) throw errno('ENOENT', relDir);
      return [...d].map(([name, type]): DirEntry => ({ name, type }));
    },
    lstat(relPath) {
      if (dirs.has(relPath)) return { type: 'dir', size: 0 };
      const f = files.get(relPath);
      return f ? { type: f.type, size: Buffer.byteLength(f.content) } : null;
    },
    readlink(relPath) {
      const f = files.get(relPath);
      if (!f || f.type !== 'symlink' || f.target === undefined) throw errno('EINVAL', relPath);
      return f.target;
    },
    read(relPath, maxBytes) {
      const f = files.get(relPath);
      if (!f || f.type !== 'file') throw errno('ENOENT', relPath);
      if (f.unreadable) throw errno('EACCES', relPath);
      const data = Buffer.from(f.content, 'utf8');
      return data.length > maxBytes ? { size: data.length, data: null } : { size: data.length, data };
    },
  };
}

/** The ContextModel of a snippet: its Dockerfile (`Dockerfile`, or the one named) with the
 *  context around it, the ignore file chosen as BuildKit does. */
export function contextFromSnippet(code: string, opts: { dockerfile?: string; buildArgs?: Record<string, string>; scanSizeLimit?: number } = {}): ContextModel {
  const files = parseContextSnippet(code);
  const name = opts.dockerfile ?? 'Dockerfile';
  const df = files.get(name);
  const dockerfile = parseDockerfile(df?.type === 'file' ? df.content : '', { path: name, buildArgs: opts.buildArgs ?? {} });
  const own = files.get(`${name}.dockerignore`);
  const shared = files.get('.dockerignore');
  const ignore = own?.type === 'file'
    ? { path: `${name}.dockerignore`, kind: 'dockerfile' as const, text: own.content }
    : shared?.type === 'file' ? { path: '.dockerignore', kind: 'context' as const, text: shared.content } : null;
  return buildContextModel({
    dockerfile, dockerfilePath: name, contextPath: '.', fs: memoryFs(files), ignore,
    ...(opts.scanSizeLimit !== undefined ? { scanSizeLimit: opts.scanSizeLimit } : {}),
  });
}
