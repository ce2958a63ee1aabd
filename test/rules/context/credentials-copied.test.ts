import '../../helpers/context-loader.js';
import { parts } from '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/credentials-copied.js';

const GH = parts('gh', 'p_', 'Zq8Kd2LmPx4Rt7Vw1Yb5Nc3Hj6Gf9Se0Ua2X');
const AWS = parts('AK', 'IA', 'Q3ZK7M2PX5RT6VWN');
const NPM = parts('np', 'm_', 'Ab3De5Gh7Jk9Mn2Pq4St6Vw8Yz1Bc3Df5Gh7');

testRule(rule, {
  valid: [
    { name: '.env excluded by .dockerignore', code: 'FROM node:22\nCOPY . /app\n=== .dockerignore\n.env\n=== .env\nDB_PASSWORD=Tr0ub4dor-and-3\n' },
    { name: '.env.example with placeholders', code: 'FROM node:22\nCOPY . /app\n=== .dockerignore\n.git\n=== .env.example\nDB_PASSWORD=changeme\nAPI_TOKEN=<your token>\nSECRET_KEY=${SECRET_KEY}\nSTRIPE_KEY=\n' },
    { name: 'only named files copied, secret file left in the context', code: `FROM node:22\nCOPY index.js /app/\n=== index.js\nconsole.log(1)\n=== .npmrc\n//registry.npmjs.org/:_authToken=${NPM}\n` },
    { name: 'settings that only sound secret', code: 'FROM node:22\nCOPY config /app/config\n=== config/app.env\nTOKEN_TTL=3600\nPASSWORD_MIN_LENGTH=12\nAUTH_URL=https://login.example.org\nDB_PASSWORD_FILE=/run/secrets/db\n' },
    { name: 'a token copied with --from is not read from the context', code: `FROM alpine AS b\nFROM alpine\nCOPY --from=b /x /x\n=== x\nGITHUB_TOKEN=${GH}\n` },
  ],
  invalid: [
    {
      name: '.env with a real password',
      code: 'FROM node:22\nCOPY . /app\n=== .dockerignore\n.git\n=== .env\nNODE_ENV=production\nDB_PASSWORD=Tr0ub4dor-and-3\n',
      errors: [{ path: '.env', line: 2, column: 13, endColumn: 28, message: 'DB_PASSWORD=Tr0*', severity: 'warning' }],
    },
    {
      name: '.npmrc auth token',
      code: `FROM node:22\nCOPY .npmrc package.json /app/\n=== .npmrc\nregistry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM}\n=== package.json\n{}\n`,
      errors: [{ path: '.npmrc', line: 2, column: 34, message: 'npm' }],
    },
    {
      name: 'AWS key id and secret in .aws/credentials',
      code: `FROM alpine\nCOPY home /root\n=== home/.aws/credentials\n[default]\naws_access_key_id = ${AWS}\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vX2pL0e\n`,
      errors: [{ path: 'home/.aws/credentials', line: 2, column: 21, message: 'AWS access key id', severity: 'error' }, { path: 'home/.aws/credentials', line: 3, column: 25, message: 'AWS secret access key', severity: 'error' }],
    },
    {
      name: 'GitHub token in source code, copied by a wildcard',
      code: `FROM node:22\nCOPY src/*.js /app/\n=== src/client.js\nconst token = "${GH}";\n`,
      errors: [{ path: 'src/client.js', line: 1, column: 16, message: 'GitHub token' }],
    },
    {
      name: 'git credential store',
      code: `FROM alpine\nCOPY . /root\n=== .dockerignore\n*.md\n=== .git-credentials\nhttps://bot:${GH}@github.com\n`,
      errors: [{ path: '.git-credentials', line: 1, message: 'Git credential store' }],
    },
    {
      name: 'copied only into a build stage: warning',
      code: 'FROM node:22 AS build\nCOPY . /src\nRUN make\nFROM node:22-slim\nCOPY --from=build /src/dist /app\n=== .dockerignore\n.git\n=== .env\nDB_PASSWORD=Tr0ub4dor-and-3\n',
      errors: [{ path: '.env', line: 1, severity: 'warning', message: 'build stage' }],
    },
    {
      name: 'htpasswd by name',
      code: 'FROM nginx:1.27\nCOPY auth /etc/nginx/auth\n=== auth/.htpasswd\nadmin:$apr1$x$y\n',
      errors: [{ path: 'auth/.htpasswd', line: 1, column: 1, message: 'htpasswd' }],
    },
  ],
});

