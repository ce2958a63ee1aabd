import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/maintainer-deprecated.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
    { code: 'FROM alpine:3.20\nLABEL maintainer="jane@example.com"\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      errors: [{ line: 2, column: 1, endColumn: 11 }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
    {
      code: 'FROM alpine:3.20\nmaintainer "The Team" team@example.com\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nlabel org.opencontainers.image.authors="\\"The Team\\" team@example.com"\n',
      name: 'quotes are escaped, case kept',
    },
  ],
});
