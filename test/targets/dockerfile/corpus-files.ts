// The real-world corpus (../shared/corpus/real-world beside the repository). Missing corpus = failure.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest directory above this file with the project's package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"tightship"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root (package.json of tightship) not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function corpusDir(): string {
  return resolve(repoRoot(), '../shared/corpus/real-world');
}

export interface CorpusFile { name: string; text: string }

/** Every Dockerfile listed in dockerfiles.txt, read as UTF-8 text. Throws when the corpus is missing. */
export function corpusDockerfiles(): CorpusFile[] {
  const dir = corpusDir();
  const list = join(dir, 'dockerfiles.txt');
  if (!existsSync(list)) {
    throw new Error(`the real-world corpus is missing: ${list} not found (clone the shared corpus beside the repository)`);
  }
  const names = readFileSync(list, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  return names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
