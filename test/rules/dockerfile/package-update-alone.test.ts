import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/package-update-alone.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { code: 'FROM alpine:3.20\nRUN apk update && apk add curl\n' },
    { name: 'update then upgrade', code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get upgrade -y\n' },
    { name: 'zypper refresh then install', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n install curl\n' },
    { name: 'install through xargs', code: 'FROM debian:12\nRUN apt-get update; \\\n    xargs -rt apt-get install -y < deps.txt\n' },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 19, message: 'apt-get update' }],
    },
    {
      name: 'install before the update does not count',
      code: 'FROM debian:12\nRUN apt-get install -y curl; \\\n    apt-get update\n',
      errors: [{ line: 3, column: 5 }],
    },
    { name: 'apk', code: 'FROM alpine:3.20\nRUN apk update\n', errors: [{ line: 2, column: 5, message: 'apk update' }] },
    { name: 'sudo', code: 'FROM ubuntu:24.04\nRUN sudo apt update\n', errors: [{ line: 2, column: 10 }] },
    { name: 'dnf makecache', code: 'FROM fedora:40\nRUN dnf makecache\n', errors: [{ line: 2, column: 5 }] },
    { name: 'install of another manager does not count', code: 'FROM debian:12\nRUN apt-get update && pip install x\n', errors: [{ line: 2 }] },
  ],
});
