import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/healthcheck-missing.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\n' },
    { code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n', name: 'scratch export stage' },
    { code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\nFROM base\nCOPY site /usr/share/nginx/html\n', name: 'inherited through FROM <stage>' },
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', name: 'NONE is healthcheck-none' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n', errors: [{ line: 1, column: 6 }] },
    { code: 'FROM golang:1.23 AS build\nHEALTHCHECK CMD ["true"]\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', errors: [{ line: 3, column: 6 }], name: 'healthcheck only in a build stage; scratch service' },
    { code: 'ARG BASE=nginx:1.27\nFROM ${BASE}\nEXPOSE 80\n', errors: [{ line: 2, column: 6 }], name: 'ARG-resolved base' },
  ],
});
