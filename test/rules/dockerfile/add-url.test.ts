import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/add-url.js';

const SUM = 'sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0e63ad57a2a';

testRule(rule, {
  valid: [
    { code: `FROM alpine:3.20\nADD --checksum=${SUM} https://example.com/tool.tgz /opt/\n` },
    { code: 'FROM alpine:3.20\nADD app /app\n', name: 'local file' },
    { code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#2f2a9ab4e1a55b2d3eb8b1d8a4a3d8b1b7c2f0e9 /src\n', name: 'git pinned to a commit' },
    { code: 'FROM alpine:3.20\nCOPY https.txt /x\n', name: 'COPY is not ADD' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n', errors: [{ line: 2, column: 5, message: 'without verifying' }] },
    { code: 'FROM alpine:3.20\nARG VER=1.2\nADD https://example.com/tool-${VER}.tgz /opt/\n', errors: [{ line: 3, column: 5, message: 'tool-1.2.tgz' }], name: 'ARG in the URL' },
    { code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.15.0 /src\n', errors: [{ line: 2, column: 5, message: 'moving ref' }], name: 'git at a tag' },
    {
      code: 'FROM alpine:3.20\nADD https://deploy:hunter2secret@example.com/x.bin /x\n',
      errors: [{ line: 2, column: 5, message: 'https://deploy:***@example.com/x.bin' }],
      name: 'credentials in the URL are masked',
    },
  ],
});
