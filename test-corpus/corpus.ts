// The real-world corpus: other projects' files, kept outside the repository. Its folder is
// TIGHTSHIP_CORPUS, or ../shared/corpus/real-world beside the repository. A missing corpus is a
// failure, never a skip: these tests run only under `npm run test:corpus`, which asks for it.
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

/** The corpus folder: TIGHTSHIP_CORPUS when set (relative to the working directory), else ../shared/corpus/real-world beside the repository. */
export function corpusDir(): string {
  const fromEnv = process.env.TIGHTSHIP_CORPUS;
  return fromEnv ? resolve(fromEnv) : resolve(repoRoot(), '../shared/corpus/real-world');
}

/** The names listed in one of the corpus's list files (dockerfiles.txt, compose-files.txt). Throws when the corpus is missing. */
export function corpusList(listName: string): string[] {
  const list = join(corpusDir(), listName);
  if (!existsSync(list)) {
    throw new Error(`the real-world corpus is missing: ${list} not found (set TIGHTSHIP_CORPUS to the corpus folder)`);
  }
  return readFileSync(list, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

interface CorpusFile { name: string; text: string }

/** Every Dockerfile listed in dockerfiles.txt, read as UTF-8 text. Throws when the corpus is missing. */
export function corpusDockerfiles(): CorpusFile[] {
  const dir = corpusDir();
  return corpusList('dockerfiles.txt').map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
