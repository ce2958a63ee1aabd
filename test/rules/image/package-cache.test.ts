import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/package-cache.js';

testRule(rule, {
  valid: [
    { code: "dir /var/lib/apt/lists\nfile /var/lib/apt/lists/lock" },
    { code: "file /var/cache/apk/.keep" },
  ],
  invalid: [
    { code: "file /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4 size=9000000", errors: [{ imagePath: '/var/lib/apt/lists', layer: 0, message: "apt package lists" }] },
    { code: "file /var/cache/apk/APKINDEX.abc.tar.gz size=500000", errors: [{ imagePath: '/var/cache/apk', layer: 0, message: "apk cache" }] },
    { code: "file /root/.cache/pip/http/a/b size=100\nfile /root/.npm/_cacache/index-v5/x size=100", errors: [{ imagePath: '~/.cache/pip', layer: 0, message: "pip cache" }, { imagePath: '~/.npm/_cacache', layer: 0, message: "npm cache" }] },
  ],
});
