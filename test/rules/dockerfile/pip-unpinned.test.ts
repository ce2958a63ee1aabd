import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/pip-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3 "gunicorn[gevent]==22.0.0"\n' },
    { name: 'local project and wheel', code: 'FROM python:3.12\nRUN pip install --no-cache-dir . ./dist/app-1.0-py3-none-any.whl\n' },
    { name: 'editable and constraints are option values', code: 'FROM python:3.12\nRUN pip install -c constraints.txt -e ./lib\n' },
    { name: 'a constraints file decides the versions', code: 'FROM python:3.12\nRUN pip install pykafka --constraint http://example.com/c.txt\n' },
    { name: 'a hashed requirements file', code: 'FROM python:3.12\nRUN pip install --require-hashes -r requirements.txt\n' },
    { name: 'ranges as hadolint reads them (~=, >=, <, !=)', code: "FROM python:3.12\nRUN pip install 'flask~=3.0' 'alabaster>=0.7' 'x<2' 'y!=1'\n" },
    { name: 'VCS URL with a ref, local directory', code: 'FROM python:3.12\nRUN pip install git+https://github.com/o/r.git@v1.2#egg=r foo/bar\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\n', errors: [{ line: 2, column: 32, endColumn: 37, message: 'flask', severity: 'info' }] },
    { name: 'VCS URL without a ref', code: 'FROM python:3.12\nRUN pip install git+https://github.com/o/r.git#egg=r\n', errors: [{ line: 2, column: 17 }] },
    { name: 'pipx', code: 'FROM python:3.12\nRUN pipx install black\n', errors: [{ line: 2, column: 18, message: 'black' }] },
    { name: 'ONBUILD RUN', code: 'FROM python:3.12\nONBUILD RUN pip install flask\n', errors: [{ line: 2, message: 'flask' }] },
    { name: 'upgrade pip', code: 'FROM python:3.12\nRUN python -m pip install --upgrade \\\n    pip\n', errors: [{ line: 3, column: 5 }] },
    { name: 'sudo, sh -c', code: 'FROM python:3.12\nRUN sudo sh -c "pip install requests"\n', errors: [{ line: 2, column: 29 }] },
    { name: 'heredoc', code: 'FROM python:3.12\nRUN <<EOF\npip3 install --no-cache-dir uvicorn\nEOF\n', errors: [{ line: 3, column: 29 }] },
  ],
});
