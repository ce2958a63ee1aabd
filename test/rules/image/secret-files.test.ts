import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/secret-files.js';

// The key is assembled at run time so that this file holds none.
const KEY = ['-----BEGIN OPENSSH', 'PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', '\\n-----END OPENSSH PRIVATE KEY-----'].join(' ');

testRule(rule, {
  valid: [
    { code: "file /root/.ssh/id_rsa.pub << ssh-ed25519 AAAAC3Nza user@host" },
    { code: "file /app/.env.example << DB_PASSWORD=changeme" },
    { code: "file /usr/share/doc/x/README << password: see the manual" },
  ],
  invalid: [
    { code: "file /app/.env << DB_PASSWORD=Zq8vPw3rTx7Lm2Nk", errors: [{ imagePath: '/app/.env', layer: 0, message: "/app/.env:1" }] },
    { code: "file /root/.ssh/id_rsa << " + KEY + "\nlayer: RUN rm /root/.ssh/id_rsa\ndelete /root/.ssh/id_rsa", errors: [{ imagePath: '/root/.ssh/id_rsa', layer: 0, message: "deleted in layer 1, but still in layer 0" }] },
    { code: "file /app/.env << API_KEY=Zq8vPw3rTx7Lm2Nk\nlayer: COPY .env /app/.env\nfile /app/.env << API_KEY=changeme", errors: [{ imagePath: '/app/.env', layer: 0, message: "replaced in layer 1" }] },
  ],
});
