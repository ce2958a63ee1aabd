import '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/unwanted-files-copied.js';

testRule(rule, {
  valid: [
    { name: 'excluded by .dockerignore', code: 'FROM node:22\nCOPY . /app\n=== .dockerignore\n.git\nnode_modules\n**/*.log\n=== .git/HEAD\nref\n=== node_modules/a/index.js\n1\n=== logs/app.log\nx\n' },
    { name: 'node_modules named on purpose', code: 'FROM node:22\nCOPY node_modules /app/node_modules\n=== node_modules/a/index.js\n1\n' },
    { name: 'a file merely named like a cache', code: 'FROM node:22\nCOPY . /app\n=== .dockerignore\n.git\n=== src/cache.js\n1\n' },
  ],
  invalid: [
    {
      name: '.git, node_modules and logs through COPY . .',
      code: 'FROM node:22\nCOPY . /app\n=== .dockerignore\n*.md\n=== .git/HEAD\nref\n=== .git/config\n[core]\n=== node_modules/a/index.js\n1\n=== logs/app.log\nx\n',
      errors: [
        { line: 2, message: '.git into the image (2 files, e.g. .git/)', severity: 'warning' },
        { line: 2, message: 'log files', severity: 'info' },
        { line: 2, message: 'node_modules', severity: 'warning' },
      ],
    },
    {
      name: 'a wildcard that matches node_modules',
      code: 'FROM node:22\nCOPY * /app/\n=== node_modules/a/index.js\n1\n=== index.js\n1\n',
      errors: [{ line: 2, message: 'e.g. node_modules/' }],
    },
    {
      name: '__pycache__ deep inside a copied folder',
      code: 'FROM python:3.12\nCOPY app /app\n=== app/pkg/__pycache__/m.cpython-312.pyc\nx\n=== app/pkg/m.py\n1\n',
      errors: [{ line: 2, message: 'app/pkg/__pycache__/', severity: 'info' }],
    },
  ],
});
