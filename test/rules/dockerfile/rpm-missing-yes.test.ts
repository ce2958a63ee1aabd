import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/rpm-missing-yes.js';

testRule(rule, {
  valid: [
    { code: 'FROM rockylinux:9\nRUN dnf install -y httpd\n' },
    { code: 'FROM centos:7\nRUN yum -y install httpd && yum clean all\n' },
    { name: '--assumeyes', code: 'FROM centos:7\nRUN yum install --assumeyes httpd\n' },
    { name: 'zypper -n and --no-confirm', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper install --no-confirm wget\n' },
    { name: 'microdnf does not prompt', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install httpd\n' },
    { name: 'clean needs no -y', code: 'FROM rockylinux:9\nRUN dnf clean all\n' },
  ],
  invalid: [
    {
      code: 'FROM rockylinux:9\nRUN dnf install httpd && dnf clean all\n',
      errors: [{ line: 2, column: 5, endColumn: 16 }],
      output: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all\n',
    },
    {
      name: 'zypper gets -n after the command name',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install curl\n',
      errors: [{ line: 2, column: 5, message: 'non-interactive' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
    },
    {
      name: 'sudo yum, continuation',
      code: 'FROM centos:7\nRUN yum makecache \\\n && sudo yum groupinstall "Development Tools"\n',
      errors: [{ line: 3, column: 10 }],
      output: 'FROM centos:7\nRUN yum makecache \\\n && sudo yum groupinstall -y "Development Tools"\n',
    },
    {
      name: 'heredoc',
      code: 'FROM fedora:40\nRUN <<EOF\ndnf remove vim-minimal\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM fedora:40\nRUN <<EOF\ndnf remove -y vim-minimal\nEOF\n',
    },
  ],
});
