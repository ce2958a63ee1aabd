import { defineRule } from '../../engine/types.js';
import { addSources } from './util/add.js';

export default defineRule({
  id: 'dockerfile/add-instead-of-copy',
  target: 'dockerfile',
  title: 'ADD used where COPY fits',
  severity: 'warning',
  level: null,
  rationale:
    'ADD does more than copy: it downloads URLs, clones git repositories and silently extracts local tar ' +
    'archives (recognised by their content, not their name). For plain local files that magic is a trap — a file ' +
    'that turns out to be a tarball gets unpacked instead of copied — and it hides intent from reviewers. COPY ' +
    'does exactly one thing. ADD of URLs and archives has its own rules (add-url, add-archive).',
  remediation: 'Replace ADD with COPY for local files and directories; the --chown, --chmod, --link and --exclude flags work the same.',
  references: [
    'CIS Docker Benchmark 4.9 (Ensure that COPY is used instead of ADD in Dockerfiles)',
    'https://docs.docker.com/build/building/best-practices/#add-or-copy',
  ],
  equivalents: {
    hadolint: ['DL3020'],
    trivy: ['DS-0005'],
    checkov: ['CKV_DOCKER_4'],
    kics: ['Add Instead of Copy'],
    dockle: ['CIS-DI-0009'],
    cis: ['4.9'],
  },
  fixable: 'suggestion',
  examples: {
    bad: 'FROM nginx:1.27\nADD site/ /usr/share/nginx/html/\n',
    good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      const sources = addSources(model, instr);
      if (sources.length === 0) continue;
      if (!sources.every((s) => s.kind === 'local' || s.kind === 'heredoc')) continue;
      if (instr.flags.some((f) => f.name === 'checksum' || f.name === 'keep-git-dir' || f.name === 'unpack')) continue;
      const kw = instr.keywordRange;
      ctx.report({
        message: `ADD copies local ${sources.length === 1 ? sources[0].text : 'files'} here; use COPY, which never downloads or extracts.`,
        range: kw,
        fix: {
          description: 'Replace ADD with COPY',
          // a local file without an archive extension may still be a tarball that ADD extracts: suggestion only
          safe: false,
          edits: [{ start: kw.start.offset, end: kw.end.offset, text: model.text.slice(kw.start.offset, kw.end.offset) === 'add' ? 'copy' : 'COPY' }],
        },
      });
    }
  },
});
