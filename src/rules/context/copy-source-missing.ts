import { defineRule } from '../../engine/types.js';
import { wordRange } from './util/locate.js';

export default defineRule({
  id: 'context/copy-source-missing',
  target: 'context',
  title: 'Every COPY/ADD source exists in the build context',
  severity: 'error',
  level: null,
  breaksBuild: true,
  rationale:
    'A COPY or ADD source that is not in the context the builder receives fails the build ("not found"). The ' +
    'usual cause is a `.dockerignore` pattern that also excludes a file the Dockerfile needs (for example `*.json` ' +
    'excluding `package.json`), or a file that is only generated on some machines. Wildcard sources that match ' +
    'nothing are not an error: BuildKit copies nothing for them. A missing source that the repository\'s ' +
    '`.gitignore` files ignore is a warning, not an error: it is most likely a build artefact (a bundle, `dist/`, ' +
    'a compiled binary) that the project makes before it runs the build.',
  remediation:
    'Re-include the file in `.dockerignore` with a `!` pattern after the one that excludes it (e.g. ' +
    '`!package.json`), correct the path, or create the file before the build.',
  references: [
    'https://docs.docker.com/build/concepts/context/#dockerignore-files',
    'https://docs.docker.com/reference/dockerfile/#copy',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM node:22-slim\nCOPY package.json /app/\n=== .dockerignore\n*.json\n=== package.json\n{}\n',
    good: 'FROM node:22-slim\nCOPY package.json /app/\n=== .dockerignore\n*.json\n!package.json\n=== package.json\n{}\n',
  },
  check(model, ctx) {
    for (const c of model.copies) {
      for (const s of c.sources) {
        if (!s.missing) continue;
        let why: string;
        const generated = s.missing.gitignored;
        if (generated) {
          ctx.report({
            message: `${c.keyword} source "${s.text}" is not in the build context (${model.path}) but is git-ignored ` +
              `(${generated.path} line ${generated.line}: "${generated.text}"): generated before the build? ` +
              'Make it before building, or the build fails with "not found"',
            range: wordRange(c.instruction, s.text),
            severity: 'warning',
          });
          continue;
        }
        if (s.missing.reason === 'excluded') {
          const by = s.missing.by;
          why = by
            ? `is excluded by ${model.ignoreFile?.path ?? '.dockerignore'} line ${by.line} ("${by.text}")`
            : `is excluded by ${model.ignoreFile?.path ?? '.dockerignore'}`;
        } else if (s.missing.reason === 'symlink-loop') {
          why = 'is a symbolic link loop';
        } else {
          why = `does not exist in the build context (${model.path})`;
        }
        ctx.report({
          message: `${c.keyword} source "${s.text}" ${why}: the build fails with "not found"`,
          range: wordRange(c.instruction, s.text),
        });
      }
    }
  },
});
