import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/secret-file-names.js';

testRule(rule, {
  valid: [
    { name: 'ordinary files', code: 'file /app/settings.txt << level=3\nfile /app/secrets.py << import secrets' },
    { name: 'a package tree', code: 'file /usr/lib/python3/dist-packages/x/secrets/__init__ << x\nfile /app/node_modules/y/secrets/z << q' },
  ],
  invalid: [
    {
      name: 'mysecret.txt, *.secret, secrets/ and credentials',
      code: 'file /app/mysecret.txt << open sesame\nfile /app/db.secret << correct horse\nfile /opt/secrets/api << xyz\nfile /root/credentials << ab',
      errors: [
        { imagePath: '/app/db.secret', layer: 0, message: 'a *.secret file' },
        { imagePath: '/app/mysecret.txt', layer: 0, message: '(11 bytes)' },
        { imagePath: '/opt/secrets/api', layer: 0, message: 'secrets/ directory' },
        { imagePath: '/root/credentials', layer: 0, message: 'credentials file' },
      ],
      level: 'nonroot',
    },
    {
      name: 'deleted later, still in its layer',
      code: 'layer: COPY mysecret.txt /tmp/\nfile /tmp/mysecret.txt << pw\nlayer: RUN rm /tmp/mysecret.txt\ndelete /tmp/mysecret.txt',
      errors: [{ imagePath: '/tmp/mysecret.txt', layer: 0, message: 'deleted in layer 1, but still in layer 0' }],
    },
  ],
});
