import { defineRule } from '../../engine/types.js';
import { commandRange, runs, runsAny } from './util/runs.js';

export default defineRule({
  id: 'dockerfile/cd-in-run',
  target: 'dockerfile',
  title: '`cd` in RUN where WORKDIR fits',
  severity: 'warning',
  level: null,
  rationale:
    'A RUN that starts with `cd dir && …` hides the working directory inside a shell string: the next RUN, COPY, ' +
    'CMD and a reader of the Dockerfile still see the old one, which leads to files copied or built in the wrong ' +
    'place. WORKDIR states it once, creates the directory and applies to everything that follows. `cd` inside a ' +
    'subshell (`(cd dir && make)`) or later in a chain is a deliberate local change and is not reported.',
  remediation: 'Replace `RUN cd /app && make` with `WORKDIR /app` followed by `RUN make`.',
  references: ['https://docs.docker.com/build/building/best-practices/#workdir'],
  equivalents: {
    hadolint: ['DL3003'],
    trivy: ['DS-0013'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nCOPY . /src\nRUN cd /src && ./configure && make\n',
    good: 'FROM debian:12-slim\nCOPY . /src\nWORKDIR /src\nRUN ./configure && make\n',
  },
  check(model, context) {
    for (const run of runs(model)) {
      if (!runsAny(run, 'cd')) continue;
      run.cmds.forEach((cmd, i) => {
        if (cmd.name !== 'cd' || cmd.via.length > 0) return;
        // the first command of the RUN (or after a `;`/newline list break), continued with && or ;
        const prev = i > 0 ? run.cmds[i - 1] : undefined;
        const startsList = !prev || prev.next === ';' || prev.next === '\n';
        if (!startsList || cmd.next === null || cmd.next === '|' || cmd.next === '||' || cmd.next === '&') return;
        if (i > 0 && run.cmds.slice(0, i).some((c) => c.name !== 'set')) return;
        const target = cmd.argv.at(1);
        if (target === undefined || target === '-' || target.startsWith('-')) return;
        const words = run.locator.locate(cmd, 0);
        const w = words?.[0];
        if (w) {
          // inside a subshell or command substitution: ( cd x && … ) / $(cd x && pwd)
          const before = model.text.slice(run.instr.argsRange.start.offset, w.start).replace(/[\s\\]+$/, '');
          if (before.endsWith('(')) return;
        }
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, Math.min(2, words.length)) : null),
          message: `\`cd ${target}\` at the start of RUN: use WORKDIR ${target}`,
        });
      });
    }
  },
});
