import '../../helpers/context-loader.js';
import { parts } from '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/private-key-copied.js';

const BEGIN = (type: string) => parts('-----BEGIN ', type, 'PRIVATE KEY-----');
const END = (type: string) => parts('-----END ', type, 'PRIVATE KEY-----');
const BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun';
const CERT = 'FROM nginx:1.27\nCOPY certs /etc/ssl/app\n=== certs/server.crt\n-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----\n';

testRule(rule, {
  valid: [
    { name: 'certificate and public key only', code: `${CERT}=== certs/id_rsa.pub\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 dev@host\n` },
    { name: 'key excluded by a ** pattern', code: `FROM nginx:1.27\nCOPY . /srv\n=== .dockerignore\n**/*.key\n=== tls/server.key\n${BEGIN('RSA ')}\n${BODY}\n${END('RSA ')}\n` },
    { name: 'a PEM header quoted in documentation', code: `FROM alpine\nCOPY docs /docs\n=== docs/keys.md\nA key file starts with ${BEGIN('')} and ends with a footer.\n` },
    { name: '*.key with public content', code: 'FROM alpine\nCOPY signing.key /etc/\n=== signing.key\n-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n' },
  ],
  invalid: [
    {
      name: 'RSA key in *.key copied by COPY . .',
      code: `FROM nginx:1.27\nCOPY . /srv\n=== .dockerignore\n*.key\n=== tls/server.key\n${BEGIN('RSA ')}\n${BODY}\n${END('RSA ')}\n`,
      errors: [{ path: 'tls/server.key', line: 1, column: 1, endColumn: 32, message: 'RSA private key in tls/server.key' }],
    },
    {
      name: 'id_ed25519 by name and by content (one finding)',
      code: `FROM alpine\nCOPY deploy /root/.ssh\n=== deploy/id_ed25519\n${BEGIN('OPENSSH ')}\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n${END('OPENSSH ')}\n`,
      errors: [{ path: 'deploy/id_ed25519', line: 1, message: 'OpenSSH private key' }],
    },
    {
      name: 'key store by name (binary)',
      code: 'FROM eclipse-temurin:21\nCOPY conf/ /app/conf/\n=== conf/server.p12\n\u0000\u0001binary\n',
      errors: [{ path: 'conf/server.p12', line: 1, message: 'key store' }],
    },
    {
      name: 'PuTTY key',
      code: 'FROM alpine\nCOPY keys /keys\n=== keys/deploy.ppk\nPuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIOa\nPrivate-Lines: 1\nAAAAIFd3Yx\n',
      errors: [{ path: 'keys/deploy.ppk', line: 1, message: 'PuTTY private key' }],
    },
    {
      name: 'private key inside a JSON service-account file',
      code: `FROM python:3.12\nCOPY sa.json /app/\n=== sa.json\n{"type": "service_account", "private_key": "${BEGIN('')}\\n${BODY}\\n${END('')}\\n"}\n`,
      errors: [{ path: 'sa.json', line: 1, column: 45, message: 'private key' }],
    },
  ],
});
