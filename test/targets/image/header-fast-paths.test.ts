// The reader's shortcuts for what it asks of every file: secretPlan (one call for what
// wantsSecretScan and secretByName decide separately), plainPath (normalizeImagePath without a
// split, for the common name) and hider (hiddenBy with a few whiteouts, without a slice per
// ancestor). Each must agree with what it stands for.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SECRET_SCAN_MAX_BYTES, secretByName, secretPlan, wantsSecretScan } from '../../../src/targets/image/secret-scan.js';
import { plainPath } from '../../../src/targets/image/layer-scan.js';
import { normalizeImagePath } from '../../../src/targets/image/model.js';
import { hiddenBy, hider } from '../../../src/targets/image/merge.js';

const PATHS = [
  '/root/.ssh/id_rsa', '/root/.ssh/id_ed25519.pub', '/app/.env', '/app/.env.example', '/app/config/secrets.yaml',
  '/usr/share/doc/x/README', '/usr/lib/ssl/private/server.key', '/etc/passwd', '/etc/pam.d/login', '/etc/ssl/certs/ca.pem',
  '/app/node_modules/x/.npmrc', '/app/node_modules/x/index.js', '/home/u/.aws/credentials', '/home/u/.docker/config.json',
  '/srv/keystore.jks', '/srv/store.p12', '/opt/app/server.js', '/var/lib/dpkg/status', '/var/cache/apt/x.bin', '/home/u/.pgpass',
];
const SIZES = [0, 1, 4096, SECRET_SCAN_MAX_BYTES, SECRET_SCAN_MAX_BYTES + 1, 50 << 20];

describe('secretPlan', () => {
  it('decides as wantsSecretScan and secretByName do', () => {
    for (const p of PATHS) {
      for (const size of SIZES) {
        const scan = wantsSecretScan(p, size);
        assert.deepEqual(secretPlan(p, size), { scan, byName: scan || size === 0 ? null : secretByName(p) }, `${p} (${size} bytes)`);
      }
    }
  });
});

const NAMES = [
  'etc/passwd', 'etc/', 'etc//x', 'a//', 'a/', '/abs/x', './etc/x', 'etc/./x', 'etc/.', 'etc/..', '../x', 'a/../b', 'a..b/c', '.', './', '',
  '/', '//', 'usr/lib/x.so.1', '.wh..wh..opq', 'dir/.wh.file', '.hidden/x', 'x/.../y', 'trailing/./', 'sp ace/ü',
];

describe('plainPath', () => {
  it('gives normalizeImagePath\'s answer or leaves the name to it', () => {
    for (const n of NAMES) {
      const fast = plainPath(n);
      if (fast !== null) assert.equal(fast, normalizeImagePath(n), n);
    }
    assert.equal(plainPath('usr/bin/su'), '/usr/bin/su', 'the common name takes the shortcut');
    assert.equal(plainPath('etc/'), '/etc');
  });
});

describe('hider', () => {
  it('hides what hiddenBy hides, for few whiteouts and many', () => {
    const paths = ['/', '/etc', '/etc/passwd', '/etc/ssl/certs/x.pem', '/var/cache/apt/a.bin', '/var/cache', '/var/cache2/x', '/opt/app/blob0.bin', '/opt/app', '/o', '//x', '/a/b/c/d/e'];
    const sets: [string[], string[]][] = [
      [['/etc/passwd'], []], [['/var/cache'], []], [[], ['/var/cache']], [[], ['/']], [['/'], []], [['/opt/app/blob0.bin', '/o'], ['/a/b']],
      [Array.from({ length: 20 }, (_, i) => `/x${i}`).concat('/etc'), ['/var']],
    ];
    for (const [g, o] of sets) {
      const gone = new Set(g);
      const opaque = new Set(o);
      const hidden = hider(gone, opaque);
      for (const p of paths) assert.equal(hidden(p), hiddenBy(p, gone, opaque), `${p} under gone ${g.join(',')} opaque ${o.join(',')}`);
    }
  });
});
