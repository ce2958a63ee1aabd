import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/rpm-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM rockylinux:9\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n' },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n' },
    { name: 'module streams are versions; group names are not packages', code: 'FROM fedora:40\nRUN dnf module install -y tomcat:9 && yum module install -y nodejs:20 && dnf -y group install "Development Tools" && microdnf group install -y "Development Tools"\n' },
    { name: 'rpm file, URL and option values', code: 'FROM centos:7\nRUN yum install -y --enablerepo epel ./x.rpm https://example.com/y.rpm\n' },
  ],
  invalid: [
    { code: 'FROM rockylinux:9\nRUN dnf install -y httpd mod_ssl-2.4.62\n', errors: [{ line: 2, column: 20, endColumn: 25, message: 'httpd', severity: 'info' }] },
    { name: 'dnf in (abbreviation)', code: 'FROM fedora:40\nRUN dnf in -y httpd\n', errors: [{ line: 2, column: 15, message: 'httpd' }] },
    { name: 'zypper', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in \\\n  curl\n', errors: [{ line: 3, column: 3, message: 'pkg=version' }] },
    { name: 'microdnf with sudo', code: 'FROM ubi\nRUN sudo microdnf install nginx\n', errors: [{ line: 2, column: 27 }] },
    { name: 'heredoc, yum', code: 'FROM centos:7\nRUN <<EOF\nyum -y install httpd && yum clean all\nEOF\n', errors: [{ line: 3, column: 16 }] },
  ],
});
