// Generates a monorepo of real files for the large-batch bench: `count` packages, each holding
// one Dockerfile or one compose file taken in turn from the corpus lists (Dockerfiles and compose
// files in the corpus's own proportion), under packages/<n>/. Made once per size (a stamp file).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Monorepo { dir: string; dockerfiles: number; composeFiles: number }

export function makeMonorepo(dir: string, corpus: string, count: number): Monorepo {
  const list = (name: string) => readFileSync(join(corpus, name), 'utf8').split('\n').filter(Boolean).map((f) => join(corpus, f));
  const dockerfiles = list('dockerfiles.txt');
  const compose = list('compose-files.txt');
  const all = [...dockerfiles, ...compose];
  const composeCount = Math.round((count * compose.length) / all.length);
  const made: Monorepo = { dir, dockerfiles: count - composeCount, composeFiles: composeCount };
  const stamp = join(dir, '.complete');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(count)) return made;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.git'), { recursive: true }); // the project root: discovery stops here
  for (let i = 0; i < count; i++) {
    const pkg = join(dir, 'packages', String(i).padStart(5, '0'));
    mkdirSync(pkg, { recursive: true });
    if (i < made.dockerfiles) copyFileSync(dockerfiles[i % dockerfiles.length], join(pkg, 'Dockerfile'));
    else copyFileSync(compose[(i - made.dockerfiles) % compose.length], join(pkg, 'compose.yaml'));
  }
  writeFileSync(stamp, String(count));
  return made;
}
