import { defineEngineRule } from '../../engine/engine-rule.js';

export default defineEngineRule({
  id: 'tightship/parse-error',
  target: 'tightship',
  title: 'The file can be parsed',
  severity: 'error',
  level: null,
  breaksBuild: true,
  rationale:
    'A file the parser cannot read fully (an unterminated heredoc or JSON array, an unknown instruction, a broken ' +
    'parser directive) will usually fail to build, and every other check on it is only as good as the part that parsed. ' +
    'In a Dockerfile it also reports what the builder rejects although the grammar reads it: an image reference that is ' +
    'not one (a digest is sha256: and 64 hex digits; a tag has letters, digits, _ . - only), a HEALTHCHECK other than ' +
    'CMD <command> or NONE, an unknown HEALTHCHECK option or a duration without a unit, a flag the instruction does not ' +
    'take or takes without its value, COPY/ADD without a source and a destination, and instructions without their ' +
    'argument. A file with any of these is not graded (level null, "does not build: …").',
  remediation: 'Fix the syntax at the reported location; `docker build --check` reports the same problem.',
  references: ['https://docs.docker.com/reference/dockerfile/'],
  equivalents: { hadolint: ['DL1000', 'DL3043', 'DL3061'] },
  examples: {
    bad: 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n',
    good: 'FROM alpine:3.20\nRUN <<EOF\necho closed\nEOF\n',
  },
});
