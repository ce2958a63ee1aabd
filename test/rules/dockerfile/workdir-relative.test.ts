import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/workdir-relative.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nWORKDIR /app\n' },
    { code: 'FROM node:22\nWORKDIR /srv\nWORKDIR app\n', name: 'relative after an absolute one' },
    { code: 'FROM node:22 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n', name: 'absolute in the base stage' },
    { code: 'FROM node:22\nARG DIR=/app\nWORKDIR $DIR\n', name: 'ARG-resolved absolute' },
    { code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n', name: 'Windows drive path' },
  ],
  invalid: [
    { code: 'FROM node:22\nWORKDIR app\n', errors: [{ line: 2, column: 9 }] },
    { code: 'FROM node:22\nARG DIR=app\nWORKDIR ${DIR}\n', errors: [{ line: 3, column: 9, message: '(= app)' }], name: 'ARG-resolved relative' },
    { code: 'FROM node:22 AS a\nWORKDIR /x\nFROM node:22\nWORKDIR y\n', errors: [{ line: 4, column: 9 }], name: 'absolute only in an unrelated stage' },
  ],
});
