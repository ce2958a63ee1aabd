import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/package-upgrade.js';

const upgrade = 'FROM debian:12\nRUN apt-get update \\\n && apt-get upgrade -y \\\n && rm -rf /var/lib/apt/lists/*\n';
const installOnly = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';

testRule(rule, {
  valid: [
    { name: 'ignore (default) reports nothing', code: upgrade },
    { name: 'ignore reports nothing for installs either', code: installOnly },
    { name: 'forbid: installs are fine', code: installOnly, options: { packageUpgrades: 'forbid' } },
    { name: 'require: upgrade present', code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache && apk add --no-cache curl\n', options: { packageUpgrades: 'require' } },
    { name: 'require: builder stages do not count', code: 'FROM alpine:3.20 AS b\nRUN apk add --no-cache gcc\nFROM scratch\nCOPY --from=b /x /x\n', options: { packageUpgrades: 'require' } },
    { name: 'require: nothing to upgrade in distroless', code: 'FROM golang:1.23 AS b\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=b /app /app\n', options: { packageUpgrades: 'require' }, level: 'hardened' },
    { name: 'require: an unresolved base is not judged', code: 'ARG BASE\nFROM $BASE\nCOPY app /app\n', options: { packageUpgrades: 'require' } },
    { name: 'require: upgraded in the chain base stage', code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get upgrade -y\nFROM base\nCOPY app /app\n', options: { packageUpgrades: 'require' } },
  ],
  invalid: [
    { name: 'forbid apt-get upgrade', code: upgrade, options: { packageUpgrades: 'forbid' }, errors: [{ line: 3, column: 5, endColumn: 20 }] },
    {
      name: 'forbid: apk, dnf, zypper, sudo',
      code: 'FROM x\nRUN apk upgrade; dnf -y update; sudo zypper -n dup\n',
      options: { packageUpgrades: 'forbid' },
      errors: [{ line: 2, column: 5 }, { line: 2, column: 18 }, { line: 2, column: 38 }],
    },
    { name: 'require: install without upgrade', code: installOnly, options: { packageUpgrades: 'require' }, errors: [{ line: 2, column: 5, message: 'never upgrades' }], level: 'nonroot' },
    {
      name: 'require: a final stage that installs nothing',
      code: 'FROM alpine:3.20\nCOPY app /app\n',
      options: { packageUpgrades: 'require' },
      errors: [{ line: 1, column: 6, message: 'apk upgrade --no-cache' }],
      level: 'nonroot',
    },
    {
      name: 'require: the chain root is located',
      code: 'FROM python:3.12-slim AS base\nFROM base\nCOPY app /app\n',
      options: { packageUpgrades: 'require' },
      errors: [{ line: 1, message: 'apt-get upgrade -y' }],
    },
    {
      name: 'require: final stage chain',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      options: { packageUpgrades: 'require' },
      errors: [{ line: 2, column: 23 }],
    },
    { name: 'forbid: heredoc, sh -c', code: 'FROM fedora:40\nRUN <<EOF\nsh -c "dnf -y upgrade"\nEOF\n', options: { packageUpgrades: 'forbid' }, errors: [{ line: 3, column: 8 }] },
  ],
});
