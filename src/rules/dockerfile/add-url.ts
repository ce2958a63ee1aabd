import { defineRule } from '../../engine/types.js';
import { addSources } from './util/add.js';
import { maskUrlCredentials } from './util/values.js';

export default defineRule({
  id: 'dockerfile/add-url',
  target: 'dockerfile',
  title: 'ADD downloads a URL without verifying it',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'ADD <url> puts whatever the server returns into the image, unverified: a compromised or hijacked download ' +
    'site, or a changed release asset, goes straight into production. It also hides the download from the ' +
    'cache logic reviewers expect. BuildKit can verify the download with `ADD --checksum=sha256:…` (Dockerfile ' +
    'syntax 1.6+), and git sources pinned to a full commit hash are immutable; both are accepted here. A URL ' +
    'with credentials in it is shown with the password masked (and is a secret leak of its own).',
  remediation:
    'Either add `--checksum=sha256:<hash>` to the ADD (HTTP sources), pin git sources to a commit ' +
    '(`…/repo.git#<40-hex commit>`), or download in a RUN and verify: ' +
    '`curl -fsSLo /tmp/tool.tgz "$URL" && echo "$SHA256  /tmp/tool.tgz" | sha256sum -c -`.',
  references: [
    'CIS Docker Benchmark 4.9 (Ensure that COPY is used instead of ADD in Dockerfiles)',
    'CIS Docker Benchmark 4.11 (Ensure only verified packages are installed)',
    'https://docs.docker.com/reference/dockerfile/#add---checksum',
    'https://docs.docker.com/build/building/best-practices/#add-or-copy',
  ],
  equivalents: {
    trivy: ['DS-0005'],
    checkov: ['CKV_DOCKER_4'],
    kics: ['Curl or Wget Instead of Add', 'Add Instead of Copy'],
    dockle: ['CIS-DI-0009'],
    cis: ['4.9', '4.11'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nADD https://example.com/tool-1.2.tar.gz /opt/\n',
    good:
      '# syntax=docker/dockerfile:1.7\nFROM debian:12-slim\n' +
      'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0e63ad57a2a https://example.com/tool-1.2.tar.gz /opt/\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      const checksum = instr.flags.some((f) => f.name === 'checksum' && !!f.value);
      for (const src of addSources(model, instr)) {
        if (src.kind === 'url' && !checksum) {
          ctx.report({
            message: `ADD downloads ${maskUrlCredentials(src.value)} without verifying it; add --checksum=sha256:… or download with curl and check the sha256.`,
            range: src.range,
          });
        } else if (src.kind === 'git' && !checksum && !/#[0-9a-f]{40}(:.*)?$/i.test(src.value)) {
          ctx.report({
            message: `ADD clones ${maskUrlCredentials(src.value)} at a moving ref; pin it to a full commit hash (…#<commit>) or add --checksum.`,
            range: src.range,
          });
        }
      }
    }
  },
});
