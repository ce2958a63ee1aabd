import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/base-image-full.js';

testRule(rule, {
  valid: [
    { name: 'slim', code: 'FROM python:3.13-slim-bookworm\n' },
    { name: 'alpine', code: 'FROM node:22.11-alpine3.20\n' },
    { name: 'a full image in a build stage only', code: 'FROM golang:1.23 AS build\nRUN go build -o /svc .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /svc /svc\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY svc /svc\n' },
    { name: 'an image outside the official library', code: 'FROM ghcr.io/acme/python:3.12\n' },
    { name: 'an image with no smaller variant listed', code: 'FROM nginx:1.27\n' },
    { name: 'an unresolved base', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'php with Apache has no smaller variant', code: 'FROM php:8.3-apache\n' },
  ],
  invalid: [
    { name: 'python full tag', code: 'FROM python:3.12\nCMD ["python"]\n', errors: [{ line: 1, column: 6, endColumn: 17, message: 'python:3.12-slim', severity: 'info' }], level: 'hardened' },
    { name: 'no tag at all', code: 'FROM docker.io/library/ubuntu\n', errors: [{ line: 1, message: 'distroless' }] },
    { name: 'the chain root counts', code: 'FROM node:22-bookworm AS base\nFROM base\nCMD ["node", "a.js"]\n', errors: [{ line: 1, message: 'node:22-slim' }] },
  ],
});
