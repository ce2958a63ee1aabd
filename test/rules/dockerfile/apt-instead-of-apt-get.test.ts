import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/apt-instead-of-apt-get.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { code: 'FROM debian:12\nRUN apt-cache policy curl && apt-key list\n' },
    { name: 'apt as an argument', code: 'FROM debian:12\nRUN echo apt install curl\n' },
  ],
  invalid: [
    {
      name: 'JSON form: the value inside the quotes is replaced',
      code: 'FROM debian:12\nRUN ["apt", "full-upgrade", "-y"]\n',
      errors: [{ line: 2, column: 6, endColumn: 27 }],
      output: 'FROM debian:12\nRUN ["apt-get", "dist-upgrade", "-y"]\n',
    },
    {
      name: 'sudo-wrapped, quoted: the value inside the quotes is replaced',
      code: 'FROM debian:12\nRUN sudo \'/usr/bin/apt\' install -y curl\n',
      errors: [{ line: 2, column: 10, endColumn: 32 }],
      output: 'FROM debian:12\nRUN sudo \'/usr/bin/apt-get\' install -y curl\n',
    },
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 15 }, { line: 2, column: 19 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'apt search → apt-cache; apt upgrade → apt-get upgrade --with-new-pkgs',
      code: 'FROM debian:12\nRUN apt search curl \\\n && apt upgrade -y \\\n && apt full-upgrade -y\n',
      errors: [{ line: 2, column: 5, message: 'apt-cache' }, { line: 3, column: 5 }, { line: 4, column: 5, message: 'dist-upgrade' }],
      output: 'FROM debian:12\nRUN apt-cache search curl \\\n && apt-get upgrade --with-new-pkgs -y \\\n && apt-get dist-upgrade -y\n',
    },
    {
      name: 'apt list has no scripted twin: no fix',
      code: 'FROM debian:12\nRUN apt list --installed\n', output: 'FROM debian:12\nRUN apt list --installed\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'sudo, heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nsudo apt install -y curl\nEOF\n',
      errors: [{ line: 3, column: 6 }],
      output: 'FROM debian:12\nRUN <<EOF\nsudo apt-get install -y curl\nEOF\n',
    },
  ],
});
