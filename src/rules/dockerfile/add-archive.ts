import { defineRule } from '../../engine/types.js';
import { addSources } from './util/add.js';

export default defineRule({
  id: 'dockerfile/add-archive',
  target: 'dockerfile',
  title: 'ADD extracts a local archive',
  severity: 'info',
  level: null,
  rationale:
    'ADD of a local tar archive (plain, gzip, bzip2, xz or zstd compressed) does not copy the file: it unpacks ' +
    'it into the destination. That is a legitimate use of ADD, but an implicit one — the file list of the image ' +
    'depends on the archive\'s content, and the extraction follows the paths, owners and modes stored in it. ' +
    'The finding only says so, so that the extraction is a decision and not a surprise. A `.gz` file that is ' +
    'not a tarball is copied as-is; remote archives (URLs) are never extracted.',
  remediation:
    'Keep the ADD when extraction is intended (suppress with a reason: `# tightship ignore=dockerfile/add-archive ' +
    '-- rootfs tarball`), or make it explicit: `COPY app.tar.gz /tmp/` then `RUN tar -xzf /tmp/app.tar.gz -C /opt ' +
    '&& rm /tmp/app.tar.gz` (better in a build stage, so the archive does not stay in a layer).',
  references: [
    'https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives',
    'CIS Docker Benchmark 4.9 (Ensure that COPY is used instead of ADD in Dockerfiles)',
  ],
  equivalents: { cis: ['4.9'] },
  examples: {
    bad: 'FROM debian:12-slim\nADD rootfs.tar.gz /\n',
    good: 'FROM debian:12-slim\nCOPY rootfs.tar.gz /tmp/\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      for (const src of addSources(model, instr)) {
        if (src.kind === 'archive') {
          ctx.report({ message: `ADD extracts the archive ${model.text} into the image instead of copying it.`, range: src.range });
        } else if (src.kind === 'maybe-archive') {
          ctx.report({ message: `ADD extracts ${model.text} if it is a compressed tar archive, and copies it otherwise.`, range: src.range });
        }
      }
    }
  },
});
