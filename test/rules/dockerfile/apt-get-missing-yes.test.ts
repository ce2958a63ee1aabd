import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/apt-get-missing-yes.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { code: 'FROM debian:12\nRUN apt-get install --yes curl\n' },
    { code: 'FROM debian:12\nRUN apt-get install --assume-yes curl\n' },
    { name: 'combined short flags', code: 'FROM debian:12\nRUN apt-get -qy install curl\n' },
    { name: '-qq implies -y', code: 'FROM debian:12\nRUN apt-get -qq install curl\n' },
    { name: '-q=2 implies -y', code: 'FROM debian:12\nRUN apt-get -q=2 install curl\n' },
    { name: '-o Assume-Yes', code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { name: 'piped from yes', code: 'FROM debian:12\nRUN yes | apt-get install curl\n' },
    { name: 'apt.conf written earlier', code: 'FROM debian:12\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n' },
    { name: 'update needs no -y', code: 'FROM debian:12\nRUN apt-get update\n' },
    { name: 'apt-get install as a package name', code: 'FROM debian:12\nRUN echo apt-get install foo\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      errors: [{ line: 2, column: 23, endColumn: 38, message: 'without -y' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'continuation: finding on the install line',
      code: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get -q install \\\n     curl\n',
      errors: [{ line: 3, column: 6 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get -q install -y \\\n     curl\n',
    },
    {
      name: 'sudo-wrapped',
      code: 'FROM debian:12\nRUN sudo apt-get remove curl\n',
      errors: [{ line: 2, column: 10 }],
      output: 'FROM debian:12\nRUN sudo apt-get remove -y curl\n',
    },
    {
      name: 'sh -c string',
      code: 'FROM debian:12\nRUN sh -c "apt-get install curl"\n',
      errors: [{ line: 2, column: 12 }],
      output: 'FROM debian:12\nRUN sh -c "apt-get install -y curl"\n',
    },
    {
      name: 'sh -c after an echo of the same text: the fix goes into the sh -c string',
      code: 'FROM debian:12\nRUN echo "apt-get install curl" && sh -c "apt-get update && apt-get install curl"\n',
      errors: [{ line: 2, column: 61 }],
      output: 'FROM debian:12\nRUN echo "apt-get install curl" && sh -c "apt-get update && apt-get install -y curl"\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get upgrade\nEOF\n',
      errors: [{ line: 5, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get upgrade -y\nEOF\n',
    },
    {
      name: 'backtick escape directive, assignment prefix',
      code: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && DEBIAN_FRONTEND=noninteractive apt-get install curl\n',
      errors: [{ line: 4, column: 36 }],
      output: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n',
    },
    {
      name: 'JSON form: on the string literals, -y added as an element',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 26 }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    },
    {
      name: 'JSON form, sudo-wrapped, across a continuation',
      code: 'FROM debian:12\nRUN ["sudo", "apt-get", \\\n     "install", "curl"]\n',
      errors: [{ line: 2, column: 14, endLine: 3, endColumn: 15 }],
      output: 'FROM debian:12\nRUN ["sudo", "apt-get", \\\n     "install", "-y", "curl"]\n',
    },
    {
      name: 'JSON form: a sh -c script with JSON escapes',
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install \\"curl\\""]\n',
      errors: [{ line: 2, column: 19, endColumn: 34 }],
      output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install -y \\"curl\\""]\n',
    },
    {
      name: 'sudo with options: the command after them',
      code: 'FROM debian:12\nRUN sudo -E -u root apt-get install curl\n',
      errors: [{ line: 2, column: 21, endColumn: 36 }],
      output: 'FROM debian:12\nRUN sudo -E -u root apt-get install -y curl\n',
    },
    {
      name: 'sh -c script built with escapes',
      code: 'FROM debian:12\nRUN sh -c "echo \\"x\\" && apt-get install curl"\n',
      errors: [{ line: 2, column: 26, endColumn: 41 }],
      output: 'FROM debian:12\nRUN sh -c "echo \\"x\\" && apt-get install -y curl"\n',
    },
    {
      name: 'identical commands on one line are told apart',
      code: 'FROM debian:12\nRUN apt-get install curl; apt-get install curl\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 27 }],
      output: 'FROM debian:12\nRUN apt-get install -y curl; apt-get install -y curl\n',
    },
    {
      name: 'apt too, two findings',
      code: 'FROM debian:12\nRUN apt install curl && apt-get purge wget\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 25 }],
      output: 'FROM debian:12\nRUN apt install -y curl && apt-get purge -y wget\n',
    },
  ],
});
