import '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/secret-file-copied.js';

testRule(rule, {
  valid: [
    { name: 'excluded by .dockerignore', code: 'FROM alpine:3.20\nCOPY . /app\n=== .dockerignore\n**/*.secret\nsecrets/\n=== db.secret\nhunter-two\n=== secrets/api\nk\n' },
    { name: 'only named files are copied', code: 'FROM alpine:3.20\nCOPY main.sh /app/\n=== main.sh\necho hi\n=== mysecret.txt\nletmein\n' },
    { name: 'code and templates named for secrets', code: 'FROM python:3.12-slim\nCOPY . /app\n=== .dockerignore\n.git\n=== secrets.py\nimport secrets\n=== secret.example\nPASSWORD=\n=== credentials.ts\nexport {}\n' },
    { name: 'source code of a secrets/ module', code: 'FROM node:22-slim\nCOPY src/ /app/src/\n=== .dockerignore\n.git\n=== src/secrets/redact.ts\nexport const x = 1;\n=== src/secrets/README.md\nHow secrets are found\n' },
  ],
  invalid: [
    {
      name: 'mysecret.txt, a *.secret, secrets/ and a credentials file',
      code: 'FROM alpine:3.20\nCOPY . /app\n=== .dockerignore\n.git\n=== mysecret.txt\nopen sesame\n=== conf/db.secret\ncorrect horse\n=== secrets/api\nxyz\n=== credentials.csv\nuser,pass\n',
      errors: [
        { path: 'conf/db.secret', line: 1, message: 'a *.secret file' },
        { path: 'credentials.csv', line: 1, message: 'a credentials file' },
        { path: 'mysecret.txt', line: 1, message: 'COPY on line 2' },
        { path: 'secrets/api', line: 1, message: 'under a secrets/ directory' },
      ],
      level: 'nonroot',
    },
    {
      name: 'a build stage only is info',
      code: 'FROM alpine:3.20 AS b\nCOPY mysecret.txt /tmp/\nFROM alpine:3.20\nCOPY --from=b /tmp/x /x\n=== mysecret.txt\npw\n',
      errors: [{ path: 'mysecret.txt', line: 1, severity: 'info', message: 'into a build stage' }],
    },
  ],
});
