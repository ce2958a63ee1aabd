import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/apt-get-no-install-recommends.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' },
    { name: '-o setting', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: 'apt.conf written earlier', code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norec\nRUN apt-get install -y curl\n' },
    { name: 'fix broken install without packages', code: 'FROM debian:12\nRUN apt-get install -y -f\n' },
    { name: 'simulation installs nothing', code: 'FROM debian:12\nRUN if apt-get install -s postgresql-jit > /dev/null 2>&1; then echo yes; fi\n' },
    { name: 'remove is not install', code: 'FROM debian:12\nRUN apt-get remove -y curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 23, endColumn: 38 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'continuation',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get -y install \\\n    curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get -y install --no-install-recommends \\\n    curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'sudo and sh -c',
      code: 'FROM debian:12\nRUN sudo sh -c "apt install -y curl"\n',
      errors: [{ line: 2, column: 17 }],
      output: 'FROM debian:12\nRUN sudo sh -c "apt install --no-install-recommends -y curl"\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 4, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
  ],
});
