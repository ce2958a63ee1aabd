import { defineRule } from '../../engine/types.js';
import type { ContextModel, CopyMatch } from '../../targets/context/model.js';
import { instructionHead } from './util/locate.js';

interface CategoryText {
  id: string;
  label: string;
  why: string;
}
/** Matches one path segment (a directory name) or a file name. */
type Category = CategoryText & ({ dir: RegExp; file?: undefined } | { dir?: undefined; file: RegExp });

const CATEGORIES: Category[] = [
  { id: 'git', label: '.git', dir: /^\.git$/, why: 'the repository history (old secrets included) and its config with remote URLs' },
  { id: 'vcs', label: 'version control data', dir: /^(\.hg|\.svn)$/, why: 'the repository history' },
  { id: 'node_modules', label: 'node_modules', dir: /^node_modules$/, why: 'dependencies installed for the host (other OS, dev packages); install them in the build instead' },
  { id: 'venv', label: 'a Python virtualenv', dir: /^(\.venv|venv|\.virtualenv)$/, why: 'an environment built for the host with absolute host paths' },
  { id: 'pycache', label: '__pycache__', dir: /^__pycache__$/, why: 'bytecode compiled on the host' },
  { id: 'cache', label: 'build and tool caches', dir: /^(\.cache|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.gradle|\.parcel-cache|\.turbo|\.nyc_output|\.sass-cache|\.eslintcache|\.terraform)$/, why: 'caches of the host\'s tools' },
  { id: 'editor', label: 'editor settings', dir: /^(\.idea|\.vscode)$/, why: 'editor and IDE settings' },
  { id: 'log', label: 'log files', file: /\.log$/, why: 'logs from the host, which often hold tokens, hostnames and personal data' },
];

/** The path segments of file that the source reached on its own (not named by the source). */
function reachedSegments(file: string, m: CopyMatch): string[] | null {
  if (m.relPath === '') return file.split('/');
  if (file === m.relPath) return m.literal ? [] : [file.slice(file.lastIndexOf('/') + 1)];
  if (!file.startsWith(`${m.relPath}/`)) return null;
  const below = file.slice(m.relPath.length + 1).split('/');
  return m.literal ? below : [m.relPath.slice(m.relPath.lastIndexOf('/') + 1), ...below];
}

function categorize(model: ContextModel, copyIndex: number): Map<Category, { count: number; example: string }> {
  const found = new Map<Category, { count: number; example: string }>();
  for (const s of model.copies[copyIndex].sources) {
    // the first match (in source order) that is the file or one of its folders: looked up by
    // path, so a wildcard with thousands of matches stays linear
    const firstMatch = new Map<string, number>();
    s.matches.forEach((m, i) => { if (!firstMatch.has(m.relPath)) firstMatch.set(m.relPath, i); });
    for (const file of s.files) {
      let best = -1;
      const consider = (rel: string): void => {
        const i = firstMatch.get(rel);
        if (i !== undefined && (best < 0 || i < best)) best = i;
      };
      consider('');
      consider(file);
      for (let at = file.indexOf('/'); at >= 0; at = file.indexOf('/', at + 1)) consider(file.slice(0, at));
      const segs = best < 0 ? null : reachedSegments(file, s.matches[best]);
      if (!segs || segs.length === 0) continue;
      for (const cat of CATEGORIES) {
        const hit = cat.dir ? segs.slice(0, -1).findIndex((seg) => cat.dir.test(seg)) : (cat.file.test(segs[segs.length - 1]) ? segs.length - 1 : -1);
        if (hit < 0) continue;
        const prefix = file.split('/').slice(0, file.split('/').length - segs.length + hit + 1).join('/');
        const entry = found.get(cat);
        if (entry) entry.count++;
        else found.set(cat, { count: 1, example: cat.dir ? `${prefix}/` : prefix });
        break;
      }
    }
  }
  return found;
}

export default defineRule({
  id: 'context/unwanted-files-copied',
  target: 'context',
  title: 'No VCS data, host dependencies, caches or logs are copied into the image',
  severity: 'warning',
  level: null,
  rationale:
    'A broad COPY (`COPY . .`, a directory, a wildcard) sends everything under it that `.dockerignore` does not ' +
    'exclude. `.git` carries the whole history — including secrets deleted long ago — and the remote URLs; ' +
    '`node_modules` and virtualenvs are built for the host, not the image; `__pycache__`, tool caches and logs ' +
    'are noise that bloats layers and busts the cache, and logs often hold tokens. A source that names such a ' +
    'folder on purpose (`COPY node_modules ./node_modules`) is not reported.',
  remediation:
    'Exclude them in `.dockerignore`: `.git`, `node_modules`, `.venv`, `**/__pycache__`, `.cache`, `*.log` ' +
    '(`**/*.log` for every folder), or copy named files and folders only.',
  references: [
    'https://docs.docker.com/build/concepts/context/#dockerignore-files',
    'https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM python:3.12-slim\nCOPY . /app\n=== .dockerignore\n.env\n=== app.py\nprint(1)\n=== .git/HEAD\nref: refs/heads/main\n',
    good: 'FROM python:3.12-slim\nCOPY . /app\n=== .dockerignore\n.env\n.git\n=== app.py\nprint(1)\n=== .git/HEAD\nref: refs/heads/main\n',
  },
  check(model, ctx) {
    model.copies.forEach((c, i) => {
      const found = [...categorize(model, i)].sort((a, b) => CATEGORIES.indexOf(a[0]) - CATEGORIES.indexOf(b[0]));
      for (const [cat, { count, example }] of found) {
        ctx.report({
          message: `${c.keyword} sends ${cat.label} into the image (${count} file${count === 1 ? '' : 's'}, e.g. ${example}): ${cat.why}`,
          range: instructionHead(c.instruction),
          ...(cat.id === 'git' ? {} : cat.id === 'log' || cat.id === 'editor' || cat.id === 'pycache' ? { severity: 'info' as const } : {}),
        });
      }
    });
  },
});
