import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/apt-lists-not-removed.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'cache mount', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'cache mount on /var/lib/apt', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n' },
    { name: 'builder stage does not reach the final image', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /etc/hostname /x\n' },
    { name: 'install without update in this RUN', code: 'FROM debian:12\nRUN apt-get install -y ./local.deb\n' },
    { name: 'apt-get dist-clean', code: 'FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y curl; apt-get dist-clean\n' },
    { name: 'aptitude cleaned', code: 'FROM debian:12\nRUN aptitude update && aptitude install -y python3 && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'brace form', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/{apt,dpkg,cache,log}/\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 23, endColumn: 38 }],
    },
    {
      name: 'rm before the install does not count',
      code: 'FROM debian:12\nRUN apt-get update \\\n && rm -rf /var/lib/apt/lists/* \\\n && apt-get install -y curl\n',
      errors: [{ line: 4, column: 5 }],
    },
    { name: 'aptitude', code: 'FROM debian:12\nRUN aptitude update && aptitude install -y python3\n', errors: [{ line: 2, column: 24 }] },
    { name: 'update alone', code: 'FROM debian:12\nRUN apt-get update\n', errors: [{ line: 2, column: 5 }] },
    {
      name: 'final stage built from an earlier stage',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      errors: [{ line: 2, column: 23 }],
    },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n', errors: [{ line: 4, column: 1 }] },
  ],
});
