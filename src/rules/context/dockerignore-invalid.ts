import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'context/dockerignore-invalid',
  target: 'context',
  title: 'Every .dockerignore pattern is valid',
  severity: 'error',
  level: null,
  rationale:
    'Docker compiles every pattern of the ignore file before it sends the context; a pattern that is not valid ' +
    '(a lone `!`, an unclosed `[`, a trailing `\\`) stops the build with "syntax error in pattern" before any ' +
    'instruction runs.',
  remediation: 'Fix or remove the pattern. To match a literal `[`, escape it: `\\[`.',
  references: ['https://docs.docker.com/build/concepts/context/#syntax'],
  equivalents: {},
  examples: {
    bad: 'FROM alpine:3.20\nCOPY app /app\n=== .dockerignore\nlogs/[abc\n=== app/run.sh\necho hi\n',
    good: 'FROM alpine:3.20\nCOPY app /app\n=== .dockerignore\nlogs/[abc]\n=== app/run.sh\necho hi\n',
  },
  check(model, ctx) {
    const f = model.ignoreFile;
    if (!f) return;
    for (const p of f.problems) {
      ctx.report({
        message: `${f.path} line ${p.line} ("${p.text}"): ${p.message}; docker build stops before it starts`,
        location: { path: f.path, startLine: p.line, startColumn: 1, endLine: p.line, endColumn: 1 + p.text.length },
      });
    }
  },
});
