import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/setuid-files.js';

testRule(rule, {
  valid: [
    { code: "file /usr/bin/su mode=4755" },
    { code: "file /usr/bin/passwd mode=4755\nfile /usr/bin/chage mode=2755" },
    { code: "file /usr/bin/tool mode=0755" },
    { code: "file /usr/bin/evil mode=4755\nlayer: RUN rm /usr/bin/evil\ndelete /usr/bin/evil" },
  ],
  invalid: [
    { code: "file /usr/local/bin/helper mode=4755", errors: [{ imagePath: '/usr/local/bin/helper', layer: 0, message: "setuid (mode 4755" }] },
    { code: "file /usr/bin/wall2 mode=2755 gid=5", errors: [{ imagePath: '/usr/bin/wall2', layer: 0, message: "setgid" }] },
  ],
});
