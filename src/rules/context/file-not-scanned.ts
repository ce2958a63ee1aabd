import { defineRule } from '../../engine/types.js';
import { copyLines } from './util/locate.js';

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

export default defineRule({
  id: 'context/file-not-scanned',
  target: 'context',
  title: 'Every copied file could be checked for secrets',
  severity: 'info',
  level: null,
  rationale:
    'Files above the scan limit (1 MiB) are copied but not read, so a secret inside them would go unnoticed: ' +
    'the finding says which ones, so that the audit never claims more than it checked. A file or folder that ' +
    'cannot be read is worse: the audit cannot check it, and `docker build` cannot send it either ' +
    '(the build fails with "permission denied").',
  remediation:
    'Exclude large generated files and archives you do not need in the image in `.dockerignore`; fix the ' +
    'permissions of unreadable files or exclude them.',
  references: ['https://docs.docker.com/build/concepts/context/'],
  equivalents: {},
  examples: {
    bad: 'FROM alpine:3.20\nCOPY data /data\n=== data/cache.bin [unreadable]\n',
    good: 'FROM alpine:3.20\nCOPY data /data\n=== data/cache.txt\nok\n',
  },
  check(model, ctx) {
    for (const f of model.files) {
      if (f.scan === 'too-large') {
        ctx.report({
          message: `${f.relPath} (${mib(f.size)}) is copied by ${copyLines(model, f)} but not scanned for secrets: it is above the ${mib(model.scanSizeLimit)} scan limit`,
          location: { path: f.displayPath, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
        });
      } else if (f.scan === 'unreadable') {
        ctx.report({
          message: `${f.relPath} cannot be read (${f.error}): not scanned for secrets, and docker build cannot send it either`,
          location: { path: f.displayPath, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          severity: 'warning',
        });
      }
    }
    for (const d of model.unreadableDirs) {
      ctx.report({
        message: `folder ${d.relPath || '.'} cannot be listed (${d.error}): what COPY sends from it is unknown, and docker build cannot send it either`,
        location: { path: d.displayPath, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
        severity: 'warning',
      });
    }
  },
});
