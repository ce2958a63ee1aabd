import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/env-self-reference.js';

testRule(rule, {
  valid: [
    { name: 'two ENVs', code: 'FROM debian:12\nENV HOME_DIR=/opt\nENV BIN=${HOME_DIR}/bin\n' },
    { name: 'own value', code: 'FROM debian:12\nENV PATH=/opt/bin:$PATH\n' },
    { name: 'longer name', code: 'FROM debian:12\nENV A=1 B=$AB/x C=${AB}\n' },
    { name: 'defined before by ARG', code: 'FROM debian:12\nARG A=0\nENV A=1 B=$A\n' },
    { name: 'single quotes', code: "FROM debian:12\nENV A=1 B='$A'\n" },
    { name: 'escaped dollar', code: 'FROM debian:12\nENV A=1 B=\\$A\n' },
    { name: 'legacy form', code: 'FROM debian:12\nENV A $A/x\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nENV APP=/opt/app BIN=$APP/bin\n', errors: [{ line: 2, column: 22, endColumn: 30, severity: 'error', message: 'BIN uses $APP' }] },
    { name: 'braces and default', code: 'FROM debian:12\nENV A=1 \\\n    B="${A:-2}"\n', errors: [{ line: 3, column: 7, message: 'B uses $A' }] },
    { name: 'the same name twice', code: 'FROM debian:12\nENV PATH=/a:${PATH} PATH=/b:${PATH}\n', errors: [{ line: 2, message: 'PATH uses $PATH' }] },
  ],
});
