import '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/copy-source-missing.js';

testRule(rule, {
  valid: [
    { name: 're-included after the exclusion', code: 'FROM node:22\nCOPY package.json /app/\n=== .dockerignore\n*.json\n!package.json\n=== package.json\n{}\n' },
    { name: 'a wildcard matching nothing is fine in BuildKit', code: 'FROM node:22\nCOPY package.json yarn.lock* /app/\n=== package.json\n{}\n' },
    { name: 'URL, heredoc and --from sources are not from the context', code: 'FROM alpine AS b\nFROM alpine\nADD https://example.org/x.tgz /x\nCOPY <<EOF /etc/motd\nhello\nEOF\nCOPY --from=b /bin/sh /sh\n' },
    { name: 'ARG in the source resolved', code: 'FROM node:22\nARG APP=web\nCOPY apps/${APP}/ /app/\n=== apps/web/index.js\n1\n' },
    { name: 'a directory kept by a ! pattern inside an excluded one', code: 'FROM node:22\nCOPY config /app/config\n=== .dockerignore\nconfig\n!config/app.yaml\n=== config/app.yaml\na: 1\n' },
    { name: 'a symlink named as a source is followed inside the context', code: 'FROM node:22\nCOPY current /app\n=== current -> releases/v2\n=== releases/v2/index.js\n1\n' },
  ],
  invalid: [
    {
      name: 'excluded by a pattern',
      code: 'FROM node:22\nCOPY package.json /app/\n=== .dockerignore\n# deps\n*.json\n=== package.json\n{}\n',
      errors: [{ line: 2, column: 6, endColumn: 18, message: 'excluded by .dockerignore line 2 ("*.json")' }],
    },
    {
      name: 'excluded through its parent folder',
      code: 'FROM node:22\nCOPY build/app.js /app/\n=== .dockerignore\nbuild\n=== build/app.js\n1\n',
      errors: [{ line: 2, column: 6, message: '("build")' }],
    },
    { name: 'missing file', code: 'FROM node:22\nCOPY index.js \\\n     server.js /app/\n=== index.js\n1\n', errors: [{ line: 3, column: 6, message: 'does not exist' }] },
    { name: 'a link out of the context', code: 'FROM node:22\nCOPY conf /etc/app.conf\n=== conf -> /etc/hosts\n', errors: [{ line: 2, message: 'does not exist' }] },
    { name: 'a link loop', code: 'FROM node:22\nCOPY a /x\n=== a -> b\n=== b -> a\n', errors: [{ line: 2, message: 'symbolic link loop' }] },
  ],
});
