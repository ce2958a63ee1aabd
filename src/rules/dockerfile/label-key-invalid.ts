import { defineRule } from '../../engine/types.js';
import { argsSourceOffset } from '../../targets/dockerfile/parse.js';
import { rangeAt } from './util/ranges.js';
import { hasUnresolved, keyValues } from './util/values.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key format, or null when it follows it. */
function labelKeyProblem(key: string): string | null {
  if (RESERVED.some((p) => key.startsWith(p))) return `the namespace ${RESERVED.find((p) => key.startsWith(p))}* is reserved for Docker`;
  if (/[^a-z0-9._/-]/.test(key)) return 'keys use only lower-case letters, digits, `.`, `-`, `_` and `/`';
  if (!/^[a-z]/.test(key)) return 'keys start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'keys end with a letter or digit';
  if (/\.\.|--/.test(key)) return 'keys have no repeated separators (`..`, `--`)';
  return null;
}

export default defineRule({
  id: 'dockerfile/label-key-invalid',
  target: 'dockerfile',
  title: 'LABEL key outside Docker\'s key format',
  severity: 'info',
  level: null,
  rationale:
    'Docker\'s guidelines for label keys: reverse-DNS names of lower-case letters and digits separated by ' +
    '`.` or `-` (no `..` or `--`), starting with a letter and ending with a letter or digit, and never in the ' +
    '`com.docker.*`, `io.docker.*` or `org.dockerproject.*` namespaces, which Docker reserves. Tools that ' +
    'read labels (registries, scanners, `docker image ls --filter label=`) match keys exactly, so ' +
    '`Maintainer`, `maintainer` and `org.opencontainers.image.authors` are three different labels; one ' +
    'format keeps them findable. A key written with a variable is checked after substitution; one whose variable ' +
    'is not set is reported, as it expands to a different key.',
  remediation: 'Rename the key: `LABEL org.opencontainers.image.authors="team@example.com"` in place of `LABEL Maintainer="team@example.com"`.',
  references: ['https://docs.docker.com/engine/manage-resources/labels/#key-format-recommendations'],
  equivalents: { hadolint: ['DL3048'] },
  examples: {
    bad: 'FROM debian:12-slim\nLABEL Description="build tools"\n',
    good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.description="build tools"\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'LABEL') continue;
      const written = keyValues(instr, 'args', true);
      const expanded = keyValues(instr, 'expanded', true);
      for (const [i, kv] of written.entries()) {
        const key = expanded.length === written.length ? expanded[i].key : kv.key;
        const why = hasUnresolved(key) ? 'it holds a variable that no ARG or ENV sets, so the key is not what is written' : labelKeyProblem(key);
        if (!why) continue;
        const start = argsSourceOffset(instr, kv.keyIndex, model.escape);
        const end = argsSourceOffset(instr, kv.valueIndex > 0 ? kv.valueIndex - 1 : kv.keyIndex + Math.max(1, kv.key.length), model.escape, true);
        ctx.report({ message: `label key \`${kv.key}\`: ${why}`, range: rangeAt(model, start, end) });
      }
    }
  },
});
