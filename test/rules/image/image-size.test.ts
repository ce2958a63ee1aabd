import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/image-size.js';

testRule(rule, {
  valid: [
    { code: "file /app/a size=1000" },
  ],
  invalid: [
    { code: "file /opt/big size=600000000", errors: [{ field: 'rootfs', message: "600 MB" }] },
    { code: 'file /app/a size=1000', options: { maxBytes: 100 }, errors: [{ field: 'rootfs', message: 'more than 0 MB' }] },
    { code: 'file /a\nlayer: RUN b\nfile /b\nlayer: RUN c\nfile /c', options: { maxLayers: 2 }, errors: [{ field: 'rootfs.diff_ids', message: '3 layers (more than 2)' }] },
  ],
});
