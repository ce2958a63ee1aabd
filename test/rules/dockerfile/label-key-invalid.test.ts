import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/label-key-invalid.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nLABEL org.opencontainers.image.title="x" com.example.build-id=7 maintainer=me\n' },
    { name: 'quoted key', code: 'FROM debian:12\nLABEL "org.example.a_b/c"=1\n' },
    { name: 'key from a variable', code: 'FROM debian:12\nARG NS=org.example\nLABEL ${NS}.version=1\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nLABEL Description="x"\n', errors: [{ line: 2, column: 7, endColumn: 18, severity: 'info', message: 'lower-case' }] },
    { name: 'reserved', code: 'FROM debian:12\nLABEL com.docker.thing=1\n', errors: [{ line: 2, message: 'com.docker.* is reserved' }] },
    { name: 'repeated separator', code: 'FROM debian:12\nLABEL org..example=1 org--x=2\n', errors: [{ line: 2, column: 7, message: 'repeated' }, { line: 2, column: 22 }] },
    { name: 'starts with a digit', code: 'FROM debian:12\nLABEL 1abc=1\n', errors: [{ line: 2, message: 'start with a lower-case letter' }] },
    { name: 'ends with a separator', code: 'FROM debian:12\nLABEL abc.=1\n', errors: [{ line: 2, message: 'end with a letter or digit' }] },
    { name: 'unset variable', code: 'FROM debian:12\nLABEL org.$UNSET=1\n', errors: [{ line: 2, message: 'no ARG or ENV sets' }] },
  ],
});
