import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/pip-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3 "gunicorn[gevent]==22.0.0"\n' },
    { name: 'local project and wheel', code: 'FROM python:3.12\nRUN pip install --no-cache-dir . ./dist/app-1.0-py3-none-any.whl\n' },
    { name: 'editable and constraints are option values', code: 'FROM python:3.12\nRUN pip install -c constraints.txt -e ./lib\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\n', errors: [{ line: 2, column: 32, endColumn: 37, message: 'flask', severity: 'info' }] },
    { name: 'range is not a pin', code: "FROM python:3.12\nRUN pip install 'flask>=3'\n", errors: [{ line: 2, column: 17 }] },
    { name: 'upgrade pip', code: 'FROM python:3.12\nRUN python -m pip install --upgrade \\\n    pip\n', errors: [{ line: 3, column: 5 }] },
    { name: 'sudo, sh -c', code: 'FROM python:3.12\nRUN sudo sh -c "pip install requests"\n', errors: [{ line: 2, column: 29 }] },
    { name: 'heredoc', code: 'FROM python:3.12\nRUN <<EOF\npip3 install --no-cache-dir uvicorn\nEOF\n', errors: [{ line: 3, column: 29 }] },
  ],
});
