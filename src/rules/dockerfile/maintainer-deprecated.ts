import { defineRule } from '../../engine/types.js';

function labelValue(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export default defineRule({
  id: 'dockerfile/maintainer-deprecated',
  target: 'dockerfile',
  title: 'MAINTAINER is deprecated',
  severity: 'warning',
  level: null,
  rationale:
    'MAINTAINER has been deprecated since Docker 1.13: it sets the legacy Author field that registries and ' +
    'tools no longer read. The OCI annotation `org.opencontainers.image.authors` is the standard place for it ' +
    'and is shown by registries, scanners and `docker inspect`.',
  remediation: 'Replace it with `LABEL org.opencontainers.image.authors="Name <email>"` (the suggested fix does this).',
  references: [
    'https://docs.docker.com/reference/dockerfile/#maintainer-deprecated',
    'https://github.com/opencontainers/image-spec/blob/main/annotations.md',
    'https://docs.docker.com/reference/build-checks/maintainer-deprecated/',
  ],
  equivalents: {
    hadolint: ['DL4000'],
    trivy: ['DS-0022'],
    checkov: ['CKV_DOCKER_6'],
    kics: ['MAINTAINER Instruction Being Used'],
    buildkit: ['MaintainerDeprecated'],
  },
  fixable: 'suggestion',
  examples: {
    bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      const who = instr.args.trim();
      const lower = model.text.slice(instr.keywordRange.start.offset, instr.keywordRange.end.offset) === 'maintainer';
      ctx.report({
        message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.',
        range: instr.keywordRange,
        fix: {
          description: 'Replace MAINTAINER with LABEL org.opencontainers.image.authors',
          safe: false,
          edits: [{
            start: instr.range.start.offset,
            end: instr.range.end.offset,
            text: `${lower ? 'label' : 'LABEL'} org.opencontainers.image.authors=${labelValue(who)}`,
          }],
        },
      });
    }
  },
});
