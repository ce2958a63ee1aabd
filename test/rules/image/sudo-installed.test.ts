import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/sudo-installed.js';

testRule(rule, {
  valid: [
    { code: "file /usr/sbin/gosu mode=0755" },
    { code: "file /usr/bin/sudo mode=4755\nlayer: RUN apt-get purge sudo\ndelete /usr/bin/sudo" },
  ],
  invalid: [
    { code: "file /usr/bin/sudo mode=4755", errors: [{ imagePath: '/usr/bin/sudo', layer: 0, message: "/usr/bin/sudo is installed" }] },
  ],
});
