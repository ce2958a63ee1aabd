import { defineRule } from '../../engine/types.js';
import { argsSourceOffset } from '../../targets/dockerfile/parse.js';
import { rangeAt } from './util/ranges.js';
import { keyValues } from './util/values.js';

/** The value as the builder expands it: single-quoted parts and escaped dollars stay literal. */
function expandable(raw: string): string {
  return raw.replace(/\\\$/g, '').replace(/'[^']*'/g, '');
}

function refersTo(value: string, name: string): boolean {
  // the pattern needs the name and a `$`: most values hold neither, and skip the regex
  if (!value.includes(name) || !value.includes('$')) return false;
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$(?:\\{${n}(?=[}:])|${n}(?![A-Za-z0-9_]))`).test(value);
}

export default defineRule({
  id: 'dockerfile/env-self-reference',
  target: 'dockerfile',
  title: 'ENV uses a variable it defines itself',
  severity: 'error',
  level: null,
  rationale:
    'All the variables of one ENV instruction are substituted with the values in force before it: in ' +
    '`ENV DIR=/opt/app BIN=$DIR/bin`, `$DIR` is not `/opt/app` but empty (or an older value), so BIN is ' +
    '`/bin`. The line reads as if it worked. A name used in its own value (`ENV PATH=/x:$PATH`) is the usual ' +
    'way to extend a variable and is not reported, nor is a name the Dockerfile set before this ENV.',
  remediation: 'Split the instruction: `ENV DIR=/opt/app` then `ENV BIN=$DIR/bin`.',
  references: ['https://docs.docker.com/reference/dockerfile/#environment-replacement'],
  equivalents: { hadolint: ['DL3044'] },
  examples: {
    bad: 'FROM debian:12-slim\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\n',
    good: 'FROM debian:12-slim\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n',
  },
  check(model, ctx) {
    const known = new Set<string>();
    for (const instr of model.instructions) {
      if (instr.keyword === 'ARG') for (const kv of keyValues(instr, 'args', false)) known.add(kv.key);
      if (instr.keyword !== 'ENV') continue;
      const pairs = keyValues(instr, 'args', true);
      // one pair alone cannot use a variable it defines in the same ENV (`PATH=/x:$PATH` is fine)
      if (pairs.length < 2) {
        for (const p of pairs) known.add(p.key);
        continue;
      }
      const values = pairs.map((q) => expandable(q.rawValue));
      for (const [i, p] of pairs.entries()) {
        if (known.has(p.key)) continue;
        const user = pairs.find((q, j) => j !== i && (j > i || q.key !== p.key) && q.value !== null && refersTo(values[j], p.key));
        if (!user) continue;
        const at = argsSourceOffset(instr, user.valueIndex, model.escape);
        ctx.report({
          message: `${user.key} uses $${p.key}, which this same ENV defines: it gets the value from before the instruction; set ${p.key} in an ENV of its own first`,
          range: rangeAt(model, at, argsSourceOffset(instr, user.valueIndex + user.rawValue.length, model.escape, true)),
        });
      }
      for (const p of pairs) known.add(p.key);
    }
  },
});
