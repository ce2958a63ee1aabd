import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/unwanted-files.js';

testRule(rule, {
  valid: [
    { name: 'only the application', code: 'file /srv/app/main.py << print(1)\nfile /srv/app/.gitignore << *.pyc' },
    { name: 'dot files of packages', code: 'dir /usr/lib/node_modules/npm/.git\nfile /srv/node_modules/x/.npm/y << z\nfile /usr/local/lib/python3.12/site-packages/p/.cache/x << y' },
    { name: 'removed in the same layer is never there', code: 'layer: RUN git clone --depth 1 https://example.org/r /src && rm -rf /src/.git\nfile /src/main.c << int main(){}' },
  ],
  invalid: [
    {
      name: '.git once (not each file inside), .env and .aws',
      code: 'dir /srv/app/.git\nfile /srv/app/.git/config << [core]\nfile /srv/app/.git/HEAD << ref\nfile /srv/app/.env << MODE=prod\ndir /root/.aws\nfile /root/.aws/config << [default]',
      errors: [
        { imagePath: '/root/.aws', layer: 0, severity: 'warning', message: 'AWS CLI' },
        { imagePath: '/srv/app/.env', layer: 0, message: 'environment file' },
        { imagePath: '/srv/app/.git', layer: 0, message: 'Git repository' },
      ],
      level: 'nonroot',
    },
    {
      name: 'caches left by an install',
      code: 'layer: RUN npm ci && pip install flask\ndir /root/.npm\nfile /root/.npm/_cacache/index << x\ndir /root/.cache\nfile /root/.cache/pip/http/a << b',
      errors: [
        { imagePath: '/root/.cache', layer: 0, severity: 'info' },
        { imagePath: '/root/.npm', layer: 0, severity: 'info', message: 'npm download cache' },
      ],
    },
  ],
});
