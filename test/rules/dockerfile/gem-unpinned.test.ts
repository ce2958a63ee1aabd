import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/gem-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.6 && gem i rake:13\n' },
    { name: '-v and --version for the whole command', code: "FROM ruby:3.3\nRUN gem install bundler -v '2.0.1' && gem install rails --version=7.1.3 && gem install x --version 1\n" },
    { name: 'build flags after --', code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.0 -- --use-system-libraries true\n' },
    { name: 'a local .gem file; not an install', code: 'FROM ruby:3.3\nRUN gem install ./pkg/app-1.0.gem && gem list && gem update --system 3.5.6\n' },
  ],
  invalid: [
    { code: 'FROM ruby:3.3\nRUN gem install bundler\n', errors: [{ line: 2, column: 17, endColumn: 24, message: 'unpinned gem: bundler', severity: 'info' }] },
    { name: 'gem i, one of two unpinned', code: 'FROM ruby:3.3\nRUN gem i bundler:1 nokogiri\n', errors: [{ line: 2, column: 21, message: 'nokogiri' }] },
    { name: 'ONBUILD RUN', code: 'FROM ruby:3.3\nONBUILD RUN gem install rails\n', errors: [{ line: 2, column: 25, message: 'rails' }] },
  ],
});
