import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/apt-get-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n' },
    { name: 'local deb and variable', code: 'FROM debian:12\nRUN apt-get install -y ./pkg.deb "$PKGS"\n' },
    { name: 'option values are not packages', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports -o Dpkg::Options::=--force-confnew git=1:2.43.0-1~bpo12+1\n' },
  ],
  invalid: [
    {
      name: 'JSON form: the package literal',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ line: 2, column: 34, endColumn: 40 }],
    },
    {
      name: 'sudo-wrapped',
      code: 'FROM debian:12\nRUN sudo apt-get install -y curl\n',
      errors: [{ line: 2, column: 29, endColumn: 33 }],
    },
    {
      code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8 wget git\n',
      errors: [{ line: 2, column: 47, endColumn: 51, message: 'wget, git', severity: 'info' }],
    },
    {
      name: 'continuation: the package on its own line',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      ca-certificates \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 4, column: 7 }],
    },
    { name: 'sudo', code: 'FROM debian:12\nRUN sudo apt-get -qy install curl\n', errors: [{ line: 2, column: 30 }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get install -y --no-install-recommends tini\nEOF\n', errors: [{ line: 3, column: 44 }] },
  ],
});
