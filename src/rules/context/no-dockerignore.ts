import { defineRule } from '../../engine/types.js';
import { instructionHead } from './util/locate.js';

export default defineRule({
  id: 'context/no-dockerignore',
  target: 'context',
  title: 'The whole build context is copied without a .dockerignore',
  severity: 'warning',
  level: null,
  rationale:
    '`COPY . .` sends whatever sits in the folder: `.git` with its history, `.env` files, local keys, ' +
    '`node_modules` built for the host, logs and caches. Without a `.dockerignore` (or the Dockerfile\'s own ' +
    '`<Dockerfile>.dockerignore`) nothing stops them, and the next file someone drops into the folder ships too. ' +
    'It also makes builds slower and busts the layer cache on every unrelated change.',
  remediation:
    'Add a `.dockerignore` beside the context root that excludes at least `.git`, `.env*` (re-include ' +
    '`!.env.example` if needed), keys (`**/*.pem`, `**/id_*`), dependency folders (`node_modules`, `.venv`), build ' +
    'output and logs — or an allow-list: `*` followed by `!src`, `!package*.json`. Or copy named files instead of `.`.',
  references: [
    'https://docs.docker.com/build/concepts/context/#dockerignore-files',
    'https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n=== index.js\nconsole.log(1)\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n=== .dockerignore\n.git\nnode_modules\n.env*\n=== index.js\nconsole.log(1)\n',
  },
  check(model, ctx) {
    const empty = model.ignoreFile !== null && model.ignoreFile.rules.length === 0 ? model.ignoreFile : null;
    if (model.ignoreFile !== null && !empty) return;
    for (const c of model.copies) {
      if (!c.wholeContext) continue;
      const n = c.sources.reduce((sum, s) => sum + s.files.length, 0);
      ctx.report({
        message: empty
          ? `${c.keyword} sends the whole build context (${n} files) and ${empty.path} excludes nothing`
          : `${c.keyword} sends the whole build context (${n} files) and there is no .dockerignore`,
        range: instructionHead(c.instruction),
      });
    }
  },
});
