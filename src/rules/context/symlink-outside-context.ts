import { defineRule } from '../../engine/types.js';
import { copyLines } from './util/locate.js';

export default defineRule({
  id: 'context/symlink-outside-context',
  target: 'context',
  title: 'Copied symbolic links stay inside the build context',
  severity: 'info',
  level: null,
  rationale:
    'Docker sends symbolic links as links and never follows them out of the context. A copied link to ' +
    '`/home/me/.aws/credentials` or `../shared/config` therefore does not bring the host file — the image gets ' +
    'a link to a path that, inside the image, is missing or something else. That is usually a mistake (the app ' +
    'finds no file at run time) and sometimes a surprise (the link resolves to an unrelated file in the image). ' +
    'A link named directly as a COPY source is followed, but only inside the context.',
  remediation: 'Copy the real file into the context before the build, or make the link relative and inside the context.',
  references: ['https://docs.docker.com/reference/dockerfile/#copy'],
  equivalents: {},
  examples: {
    bad: 'FROM alpine:3.20\nCOPY conf /etc/app\n=== conf/app.conf -> /home/dev/app.conf\n',
    good: 'FROM alpine:3.20\nCOPY conf /etc/app\n=== conf/app.conf -> defaults.conf\n=== conf/defaults.conf\nport=8080\n',
  },
  check(model, ctx) {
    for (const f of model.files) {
      if (f.type !== 'symlink' || !f.linkEscapes) continue;
      ctx.report({
        message: `${f.relPath} is copied by ${copyLines(model, f)} as a link to ${f.linkTarget}, outside the build context: Docker does not follow it, and the image gets a link that points elsewhere`,
        location: { path: f.displayPath, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      });
    }
  },
});
