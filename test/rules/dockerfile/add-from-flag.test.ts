import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/add-from-flag.js';

testRule(rule, {
  valid: [
    { name: 'COPY --from', code: 'FROM alpine:3.20 AS tools\nRUN echo x > /x\nFROM alpine:3.20\nCOPY --from=tools /x /x\n' },
    { name: 'ADD with its own flags', code: 'FROM alpine:3.20\nADD --chown=1:1 --chmod=644 --link conf.tar /etc/app/\n' },
  ],
  invalid: [
    {
      name: 'ADD --from a stage',
      code: 'FROM alpine:3.20 AS tools\nRUN echo x > /x\nFROM alpine:3.20\nADD --from=tools /x /x\n',
      errors: [{ line: 4, column: 5, endColumn: 17, message: 'COPY --from=tools' }],
      level: null,
      output: 'FROM alpine:3.20 AS tools\nRUN echo x > /x\nFROM alpine:3.20\nCOPY --from=tools /x /x\n',
    },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD ADD --from=0 /x /x\n', errors: [{ line: 2, message: 'unknown flag' }], output: 'FROM alpine:3.20\nONBUILD COPY --from=0 /x /x\n' },
  ],
});
