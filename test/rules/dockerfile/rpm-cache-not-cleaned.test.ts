import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/rpm-cache-not-cleaned.js';

testRule(rule, {
  valid: [
    { code: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all\n' },
    { code: 'FROM centos:7\nRUN yum -y install httpd && yum clean all && rm -rf /var/cache/yum\n' },
    { name: 'rm of the cache directory', code: 'FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf\n' },
    { name: 'microdnf', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install httpd && microdnf clean all\n' },
    { name: 'zypper cc', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n' },
    { name: 'cache mount', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n' },
    { name: 'dnf up cleaned, rm with a glob', code: 'FROM fedora:40\nRUN dnf -y up && dnf clean all\nRUN dnf -y rei curl && rm -rf /var/cache/libdnf5*\n' },
    { name: 'builder stage', code: 'FROM fedora:40 AS b\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=b /x /x\n' },
  ],
  invalid: [
    { code: 'FROM rockylinux:9\nRUN dnf install -y httpd\n', errors: [{ line: 2, column: 5, endColumn: 16, message: 'dnf clean all' }] },
    {
      name: 'clean before the last install',
      code: 'FROM centos:7\nRUN yum -y install a && yum clean all \\\n && yum -y install b\n',
      errors: [{ line: 3, column: 5 }],
    },
    { name: 'zypper', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n', errors: [{ line: 2, column: 5, message: 'zypper clean' }] },
    { name: 'dnf up (abbreviation)', code: 'FROM fedora:40\nRUN dnf -y up\n', errors: [{ line: 2, column: 5, endColumn: 14, message: 'dnf clean all' }] },
    { name: 'dnf upgrade-minimal, rei', code: 'FROM fedora:40\nRUN dnf -y upgrade-minimal\nRUN dnf -y rei curl\n', errors: [{ line: 2 }, { line: 3 }] },
    { name: 'ONBUILD RUN', code: 'FROM fedora:40\nONBUILD RUN dnf install -y httpd\n', errors: [{ line: 2, message: 'dnf clean all' }] },
    { name: 'heredoc, sudo', code: 'FROM fedora:40\nRUN <<EOF\nsudo dnf -y upgrade\nEOF\n', errors: [{ line: 3, column: 6 }] },
  ],
});
