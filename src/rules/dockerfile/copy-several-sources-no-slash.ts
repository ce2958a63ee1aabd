import { defineRule } from '../../engine/types.js';
import type { Stage } from '../../targets/dockerfile/model.js';
import { copyWords } from './util/copy.js';
import { stageVars } from './util/stages.js';
import { expandVars, hasUnresolved } from './util/values.js';

export default defineRule({
  id: 'dockerfile/copy-several-sources-no-slash',
  target: 'dockerfile',
  title: 'COPY or ADD of several sources to a destination without a trailing `/`',
  severity: 'error',
  level: null,
  rationale:
    'With more than one source, Docker\'s reference requires the destination to be a directory written with a ' +
    'trailing `/`. Without it the intent is ambiguous (a file named `bin` or a directory `bin/`?), builders have ' +
    'rejected it, and a reader cannot tell whether the sources were meant to be merged into one file. The ' +
    'slash states that the destination is a directory. A destination given by a variable is judged after ' +
    'substitution, and skipped when its value is not known.',
  remediation: 'End the destination with a slash: `COPY a.conf b.conf /etc/app/`.',
  references: ['https://docs.docker.com/reference/dockerfile/#destination'],
  equivalents: { hadolint: ['DL3021'] },
  examples: {
    bad: 'FROM debian:12-slim\nCOPY app.conf logging.conf /etc/app\n',
    good: 'FROM debian:12-slim\nCOPY app.conf logging.conf /etc/app/\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      const words = copyWords(model, instr);
      if (words.length < 3) continue;
      const dest = words[words.length - 1];
      const stage: Stage | undefined = instr.stageIndex >= 0 ? model.stages[instr.stageIndex] : undefined;
      const value = stage ? expandVars(dest.value, stageVars(model, stage)) : dest.value;
      if (hasUnresolved(value) || value.endsWith('/') || value.endsWith('\\')) continue;
      ctx.report({
        message: `${instr.keyword} of ${words.length - 1} sources to \`${dest.value}\`: a destination for several sources must be a directory ending in /`,
        range: dest.range,
      });
    }
  },
});
