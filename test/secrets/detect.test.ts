// Secret detection tables: for each kind a real-looking positive, a placeholder that must not be
// reported, and public material that is never a secret. Token-shaped values are joined from
// parts at run time so that no committed file holds one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifySecretPath, isLikelyBinary, scanContent } from '../../src/secrets/detect.js';

const j = (...p: string[]): string => p.join('');
const PEM = (type: string, body = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun') =>
  `${j('-----BEGIN ', type, 'PRIVATE KEY-----')}\n${body}\n${j('-----END ', type, 'PRIVATE KEY-----')}\n`;

interface Case { name: string; file: string; text: string; kind: string | null; secret?: string }

const tok = {
  aws: j('AK', 'IA', 'Q3ZK7M2PX5RT6VWN'),
  gh: j('gh', 'p_', 'Zq8Kd2LmPx4Rt7Vw1Yb5Nc3Hj6Gf9Se0Ua2X'),
  ghPat: j('github', '_pat_', '11ABCDEFG0Kd2LmPx4Rt7V', '_', 'Zq8Kd2LmPx4Rt7Vw1Yb5Nc3Hj6Gf9Se0Ua2XZq8Kd2LmPx4Rt7Vw1Yb5Nc3'),
  gitlab: j('gl', 'pat-', 'x9Yz8Wv7Ut6Sr5Qp4On3'),
  slack: j('xo', 'xb-', '1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx'),
  stripe: j('sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
  npm: j('np', 'm_', 'Ab3De5Gh7Jk9Mn2Pq4St6Vw8Yz1Bc3Df5Gh7'),
  jwt: j('eyJ', 'hbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJ', 'zdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', '.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'),
  jwtUnsigned: j('eyJ', 'hbGciOiJub25lIn0', '.', 'eyJ', 'zdWIiOiIxMjM0NTY3ODkwIn0', '.'),
};

const CASES: Case[] = [
  // private keys
  { name: 'RSA PEM key', file: 'server.key', text: PEM('RSA '), kind: 'private-key' },
  { name: 'PKCS#8 PEM key', file: 'tls.pem', text: PEM(''), kind: 'private-key' },
  { name: 'EC key', file: 'ec.pem', text: PEM('EC '), kind: 'private-key' },
  { name: 'OpenSSH key', file: 'id_ed25519', text: PEM('OPENSSH ', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'), kind: 'private-key' },
  { name: 'encrypted PEM with headers', file: 'k.pem', text: `${j('-----BEGIN RSA ', 'PRIVATE KEY-----')}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,ABCDEF\n\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgO\n`, kind: 'private-key' },
  { name: 'PuTTY key', file: 'a.ppk', text: 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 1\nAAAA\nPrivate-Lines: 1\nAAAA\n', kind: 'putty-private-key' },
  { name: 'PEM header in prose is not a key', file: 'README.md', text: `Keys start with ${j('-----BEGIN ', 'PRIVATE KEY-----')} and more.\n`, kind: null },
  { name: 'certificate is public', file: 'a.pem', text: '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----\n', kind: null },
  { name: 'public key is public', file: 'a.pem', text: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n', kind: null },
  { name: 'ssh public key line', file: 'id_rsa.pub', text: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 dev@host\n', kind: null },
  // well-known tokens
  { name: 'AWS access key id', file: 'app.js', text: `const id = '${tok.aws}';\n`, kind: 'aws-access-key-id', secret: tok.aws },
  { name: 'AWS documentation example key', file: 'app.js', text: `const id = '${j('AKIA', 'IOSFODNN7', 'EXAMPLE')}';\n`, kind: null },
  { name: 'GitHub token', file: 'deploy.sh', text: `git clone https://${tok.gh}@github.com/o/r\n`, kind: 'github-token', secret: tok.gh },
  { name: 'GitHub fine-grained token', file: 'ci.txt', text: `pat ${tok.ghPat}\n`, kind: 'github-fine-grained-token', secret: tok.ghPat },
  { name: 'GitLab token', file: 'x.py', text: `TOKEN = "${tok.gitlab}"\n`, kind: 'gitlab-token', secret: tok.gitlab },
  { name: 'Slack token', file: 'bot.yaml', text: `slack: ${tok.slack}\n`, kind: 'slack-token', secret: tok.slack },
  { name: 'Stripe live key', file: 'pay.rb', text: `Stripe.api_key = '${tok.stripe}'\n`, kind: 'stripe-secret-key', secret: tok.stripe },
  { name: 'Stripe test key is not a live key', file: 'pay.rb', text: `key = '${j('sk', '_test_', '4eC39HqLyjWDarjtT1zdp7dc')}'\n`, kind: null },
  { name: 'npm token', file: 'publish.sh', text: `echo ${tok.npm}\n`, kind: 'npm-token', secret: tok.npm },
  { name: 'signed JWT', file: 'fixtures.json', text: `{"session": "${tok.jwt}"}\n`, kind: 'jwt', secret: tok.jwt },
  { name: 'unsigned JWT (alg none)', file: 'fixtures.json', text: `{"note": "${tok.jwtUnsigned}"}\n`, kind: null },
  { name: 'connection string with password', file: 'settings.py', text: 'DB = "postgres://app:Zx81-qPw9@db:5432/app"\n', kind: 'url-credentials', secret: 'Zx81-qPw9' },
  { name: 'connection string with a variable', file: 'settings.py', text: 'DB = "postgres://app:${DB_PASSWORD}@db:5432/app"\n', kind: null },
  { name: 'connection string without password', file: 'settings.py', text: 'DB = "postgres://app@db:5432/app"\n', kind: null },
  // files with credentials
  { name: '.env real value', file: '.env', text: 'PORT=3000\nAPI_KEY=9f8e7d6c5b4a39281706\n', kind: 'assignment', secret: '9f8e7d6c5b4a39281706' },
  { name: '.env quoted value with spaces', file: '.env.production', text: 'SESSION_SECRET="correct horse battery staple"\n', kind: 'assignment', secret: 'correct horse battery staple' },
  { name: '.env export and comment', file: '.env', text: 'export DB_PASSWORD=Tr0ub4dor-and-3 # prod\n', kind: 'assignment', secret: 'Tr0ub4dor-and-3' },
  { name: '.env placeholders', file: '.env', text: 'DB_PASSWORD=changeme\nAPI_KEY=\nSECRET=${SECRET}\nTOKEN=<token>\nAPI_TOKEN=your-token-here\nJWT_SECRET=xxxxxxxx\nAUTH_TOKEN=example\n', kind: null },
  { name: '.env.example with realistic but example values', file: '.env.example', text: 'API_KEY=your_api_key\nDB_PASSWORD=password\n', kind: null },
  { name: 'names that only sound secret', file: '.env', text: 'TOKEN_TTL=3600\nAUTH_PORT=8443\nPASSWORD_MIN_LENGTH=12\nDB_PASSWORD_FILE=/run/secrets/db\nAUTH_URL=https://auth.internal\n', kind: null },
  { name: '.npmrc auth token', file: '.npmrc', text: `//registry.npmjs.org/:_authToken=a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6\n`, kind: 'npm-auth', secret: 'a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6' },
  { name: '.npmrc with a variable', file: '.npmrc', text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', kind: null },
  { name: '.yarnrc.yml token', file: '.yarnrc.yml', text: 'npmRegistries:\n  "https://npm.pkg.github.com":\n    npmAuthToken: "a1b2c3d4e5f6a7b8c9d0"\n', kind: 'assignment', secret: 'a1b2c3d4e5f6a7b8c9d0' },
  { name: '.pypirc password', file: '.pypirc', text: '[pypi]\nusername = __token__\npassword = s3cr3t-upl0ad-pw\n', kind: 'assignment', secret: 's3cr3t-upl0ad-pw' },
  { name: '.netrc password', file: '.netrc', text: 'machine api.example.org login bot password Hx7-kq2Lz9\n', kind: 'netrc-password', secret: 'Hx7-kq2Lz9' },
  { name: 'AWS secret key in credentials', file: '.aws/credentials', text: '[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vX2pL0e\n', kind: 'aws-secret-access-key', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vX2pL0e' },
  { name: 'docker config auths', file: '.docker/config.json', text: '{"auths": {"registry.example.org": {"auth": "Ym90OnMzY3IzdC1wdw=="}}}\n', kind: 'assignment', secret: 'Ym90OnMzY3IzdC1wdw==' },
  { name: 'docker config with a credential helper', file: '.docker/config.json', text: '{"auths": {"registry.example.org": {}}, "credsStore": "desktop"}\n', kind: null },
  { name: 'kubeconfig token', file: '.kube/config', text: 'users:\n- name: ci\n  user:\n    token: c2VjcmV0LXRva2VuLXZhbHVl\n', kind: 'assignment', secret: 'c2VjcmV0LXRva2VuLXZhbHVl' },
  { name: 'kubeconfig client key', file: 'kubeconfig', text: 'users:\n- name: a\n  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURQ==\n', kind: 'assignment', secret: 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURQ==' },
  { name: 'source code literal', file: 'config.ts', text: 'export const apiKey = "k8Fz2Qw9Lm4Xp7Rt";\n', kind: 'assignment', secret: 'k8Fz2Qw9Lm4Xp7Rt' },
  { name: 'source code reference, not a literal', file: 'config.ts', text: 'export const apiKey = process.env.API_KEY;\nconst password = req.body.password;\n', kind: null },
  { name: 'UI text in code', file: 'form.tsx', text: '<input placeholder="Enter password" password="Your password here" />\n', kind: null },
  { name: 'YAML vault reference', file: 'values.yaml', text: 'password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n', kind: null },
];

describe('scanContent', () => {
  for (const c of CASES) {
    it(`${c.kind ? 'finds' : 'ignores'}: ${c.name}`, () => {
      const hits = scanContent(c.text, c.file);
      if (c.kind === null) {
        assert.deepEqual(hits.map((h) => `${h.kind} ${h.preview}`), []);
        return;
      }
      assert.equal(hits.length, 1, JSON.stringify(hits.map((h) => h.kind)));
      const h = hits[0];
      assert.equal(h.kind, c.kind);
      if (c.secret) {
        assert.equal(c.text.slice(h.index, h.index + h.length), c.secret, 'span is the secret');
        assert.ok(!h.preview.includes(c.secret), `preview "${h.preview}" must not hold the secret`);
        assert.ok(!h.label.includes(c.secret));
        const lineText = c.text.split('\n')[h.line - 1];
        assert.equal(lineText.slice(h.column - 1, h.endColumn - 1), c.secret, 'line/column point at the secret');
      }
    });
  }
  it('locates hits on later lines and CRLF files', () => {
    const hits = scanContent('A=1\r\nB=2\r\nDB_PASSWORD=Tr0ub4dor-and-3\r\n', '.env');
    assert.deepEqual(hits.map((h) => [h.line, h.column, h.endColumn]), [[3, 13, 28]]);
  });
});

describe('classifySecretPath', () => {
  const rows: [string, string | null, boolean?][] = [
    ['id_rsa', 'ssh-private-key', false], ['home/.ssh/id_ed25519', 'ssh-private-key', false], ['id_rsa_deploy', 'ssh-private-key', false],
    ['id_rsa.pub', null], ['certs/server.crt', null], ['ca-bundle.crt', null], ['etc/ssl/certs/ca-certificates.crt', null], ['fullchain.pem', null],
    ['tls/server.key', 'private-key-file', true], ['tls/key.pem', 'private-key-file', true],
    ['keystore.jks', 'keystore', false], ['cert.p12', 'keystore', false], ['cert.pfx', 'keystore', false], ['app.keystore', 'keystore', false],
    ['putty.ppk', 'putty-private-key', false],
    ['.env', 'env-file', true], ['.env.production', 'env-file', true], ['config/prod.env', 'env-file', true],
    ['.env.example', null], ['.env.sample', null], ['.env.template', null],
    ['.npmrc', 'npmrc', true], ['.yarnrc.yml', 'yarnrc', true], ['.pypirc', 'pypirc', true], ['.netrc', 'netrc', true],
    ['.git-credentials', 'git-credentials', true], ['.aws/credentials', 'aws-credentials', true],
    ['.docker/config.json', 'docker-config', true], ['.kube/config', 'kubeconfig', true], ['prod.kubeconfig', 'kubeconfig', true],
    ['src/index.ts', null], ['package.json', null], ['config.json', null],
  ];
  for (const [p, kind, needsContent] of rows) {
    it(`${p} → ${kind}`, () => {
      const k = classifySecretPath(p);
      assert.equal(k?.kind ?? null, kind);
      if (kind !== null) assert.equal(k?.needsContent, needsContent);
    });
  }
});

describe('isLikelyBinary', () => {
  it('NUL byte means binary', () => {
    assert.equal(isLikelyBinary(Buffer.from([0x30, 0x82, 0x00, 0x01])), true);
    assert.equal(isLikelyBinary(Buffer.from('plain text\n')), false);
  });
});
