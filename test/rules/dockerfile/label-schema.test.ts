import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/label-schema.js';

const labels = { url: 'url', ver: 'semver', rev: 'hash', created: 'rfc3339', license: 'spdx', mail: 'email', title: 'text' };
testRule(rule, {
  valid: [
    { name: 'no schema: nothing checked', code: 'FROM debian:12\nLABEL url=nothing\n' },
    {
      code: 'FROM debian:12\nLABEL url="https://example.com/x" ver=1.2.3-rc.1+b5 rev=43c572f created="2024-02-29T23:59:60.5+01:00" \\\n' +
        '  license="Apache-2.0 OR MIT" mail=team@example.com title=anything other=kept\n',
      options: { labels },
    },
    { name: 'value from an unset variable is not judged', code: 'FROM debian:12\nLABEL ver=$VERSION\n', options: { labels } },
    { name: 'value from a set variable is judged after substitution', code: 'FROM debian:12\nARG V=2.0.0\nLABEL ver=$V\n', options: { labels } },
    { name: 'strict, only schema labels', code: 'FROM debian:12\nLABEL title=x\n', options: { labels, strict: true } },
  ],
  invalid: [
    { code: 'FROM debian:12\nLABEL url="example.com"\n', options: { labels }, errors: [{ line: 2, column: 11, endColumn: 24, severity: 'warning', message: 'not an absolute URL' }] },
    { name: 'semver', code: 'FROM debian:12\nLABEL ver=v1.2\n', options: { labels }, errors: [{ line: 2, message: 'not a semantic version' }] },
    { name: 'hash', code: 'FROM debian:12\nLABEL rev=43C572F\n', options: { labels }, errors: [{ line: 2, message: 'not a git commit hash' }] },
    { name: 'date', code: 'FROM debian:12\nLABEL created=2023-02-29T10:00:00Z\n', options: { labels }, errors: [{ line: 2, message: 'RFC 3339' }] },
    { name: 'spdx', code: 'FROM debian:12\nLABEL license="GPL or MIT"\n', options: { labels }, errors: [{ line: 2, message: 'SPDX' }] },
    { name: 'email', code: 'FROM debian:12\nLABEL mail="Team <team@example.com>"\n', options: { labels }, errors: [{ line: 2, message: 'e-mail' }] },
    { name: 'empty', code: 'FROM debian:12\nLABEL title=""\n', options: { labels }, errors: [{ line: 2, column: 13, message: 'label `title` is empty' }] },
    { name: 'strict', code: 'FROM debian:12\nLABEL title=x extra=y\n', options: { labels, strict: true }, errors: [{ line: 2, column: 15, endColumn: 20, message: 'not in the label schema' }] },
  ],
});
