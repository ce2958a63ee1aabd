import { parseSpdx } from './util/spdx.js';
import { defineRule } from '../../engine/types.js';
import { argsSourceOffset } from '../../targets/dockerfile/parse.js';
import { rangeAt } from './util/ranges.js';
import { hasUnresolved, keyValues } from './util/values.js';

type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';
const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

interface Options {
  /** Label name → the kind of value it must hold. */
  labels: Record<string, LabelType>;
  /** Report labels that are not in `labels`. */
  strict: boolean;
}

// semver.org's own grammar for a version (no leading `v`)
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[^\\[\\]\\\\\\s]*\\])$`);

function validDateTime(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const offsetOk = /^[Zz]$/.test(m[8]) || (Number(m[9]) < 24 && Number(m[10]) < 60);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h < 24 && mi < 60 && s <= 60 && offsetOk;
}

function validSpdx(v: string): boolean {
  try {
    parseSpdx(v);
    return true;
  } catch {
    return false;
  }
}

const CHECKS: Record<Exclude<LabelType, 'text'>, { ok: (v: string) => boolean; what: string }> = {
  url: { ok: (v) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(v) && URL.canParse(v), what: 'an absolute URL' },
  semver: { ok: (v) => SEMVER.test(v), what: 'a semantic version (1.2.3)' },
  hash: { ok: (v) => /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/.test(v), what: 'a git commit hash (7 to 40 lower-case hex digits)' },
  rfc3339: { ok: validDateTime, what: 'an RFC 3339 date and time (2024-05-01T12:00:00Z)' },
  spdx: { ok: validSpdx, what: 'an SPDX license expression (MIT, Apache-2.0 OR MIT)' },
  email: { ok: (v) => EMAIL.test(v), what: 'an e-mail address (name@example.com)' },
};

export default defineRule<'dockerfile', Options>({
  id: 'dockerfile/label-schema',
  target: 'dockerfile',
  title: 'LABEL value does not match the label schema',
  severity: 'warning',
  level: null,
  rationale:
    'A team that reads its images\' labels (a catalogue, a scanner that looks up the source repository, a ' +
    'release tool that compares versions) needs the values in one form: a URL that is a URL, a version that ' +
    'sorts, a commit hash, an RFC 3339 date, an SPDX license expression, an e-mail address. The `labels` ' +
    'option names each label and the kind of value it must hold (`text` accepts any value); a listed label ' +
    'set to an empty value is reported too, and with `strict` so is every label the schema does not list. ' +
    'A value that still holds a build variable is not judged. The rule does nothing until `labels` is set ' +
    '(hadolint\'s `label-schema` and `strict-labels` settings translate to it); that the labels are present ' +
    'at all is `dockerfile/missing-oci-labels`\'s job.',
  remediation: 'Write the value in the form the schema asks for, e.g. `LABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"`, or set it from CI with `docker buildx build --label`.',
  references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys'],
  equivalents: { hadolint: ['DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
  options: {
    defaults: { labels: {}, strict: false },
    schema: {
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { enum: [...LABEL_TYPES] } },
        strict: { type: 'boolean' },
      },
      additionalProperties: false,
    },
  },
  examples: {
    bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source="github.com/example/app" org.opencontainers.image.version="v1"\n',
    good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source="https://github.com/example/app" org.opencontainers.image.version="1.0.0"\n',
    options: { labels: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' } },
  },
  check(model, ctx) {
    const { labels, strict } = ctx.options;
    if (Object.keys(labels).length === 0 && !strict) return;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'LABEL') continue;
      const expanded = keyValues(instr, 'expanded', true);
      const written = keyValues(instr, 'args', true);
      const aligned = expanded.length === written.length;
      written.forEach((kv, i) => {
        const value = aligned ? expanded[i].value ?? '' : kv.value ?? '';
        const type = Object.hasOwn(labels, kv.key) ? labels[kv.key] : undefined;
        const keyEnd = kv.valueIndex > 0 ? kv.valueIndex - 1 : kv.keyIndex + kv.key.length;
        const keyRange = () => rangeAt(model, argsSourceOffset(instr, kv.keyIndex, model.escape), argsSourceOffset(instr, keyEnd, model.escape, true));
        const valueRange = () => (kv.valueIndex < 0 ? keyRange()
          : rangeAt(model, argsSourceOffset(instr, kv.valueIndex, model.escape), argsSourceOffset(instr, kv.valueIndex + kv.rawValue.length, model.escape, true)));
        if (type === undefined) {
          if (strict) ctx.report({ message: `label \`${kv.key}\` is not in the label schema`, range: keyRange() });
          return;
        }
        if (value === '') {
          ctx.report({ message: `label \`${kv.key}\` is empty`, range: valueRange() });
          return;
        }
        if (type === 'text' || hasUnresolved(value)) return;
        const c = CHECKS[type];
        if (!c.ok(value)) ctx.report({ message: `label \`${kv.key}\` is \`${value}\`, not ${c.what}`, range: valueRange() });
      });
    }
  },
});
