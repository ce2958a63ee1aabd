// Generates a large build context for the benchmark: an app tree plus a node_modules tree
// that .dockerignore excludes (kept between runs; made again only when missing).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function makeContext(dir: string, total: number): { files: number; excluded: number } {
  const excluded = Math.floor(total * 0.95);
  const included = total - excluded;
  const stamp = join(dir, '.complete');
  if (existsSync(stamp)) return { files: total, excluded };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), [
    'FROM node:22-bookworm-slim',
    'WORKDIR /app',
    'COPY . .',
    'USER 10001',
    'CMD ["node", "src/index.js"]',
    '',
  ].join('\n'));
  writeFileSync(join(dir, '.dockerignore'), 'node_modules\n.git\n');
  writeFileSync(join(dir, 'package.json'), '{"name":"bench-app","version":"1.0.0"}\n');
  const perDir = 500;
  for (let i = 0; i < excluded; i++) {
    const sub = join(dir, 'node_modules', `pkg-${Math.floor(i / perDir)}`);
    if (i % perDir === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `file-${i}.js`), `module.exports = ${i};\n`);
  }
  for (let i = 0; i < included - 3; i++) {
    const sub = join(dir, 'src', `mod-${Math.floor(i / perDir)}`);
    if (i % perDir === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `file-${i}.js`), `export const value = ${i};\n`);
  }
  writeFileSync(stamp, '');
  return { files: total, excluded };
}
