import { defineRule } from '../../engine/types.js';
import { commandRange, runs } from './util/runs.js';

const TOOLS = ['curl', 'wget'] as const;

export default defineRule({
  id: 'dockerfile/curl-and-wget',
  target: 'dockerfile',
  title: 'Both curl and wget used in one stage',
  severity: 'warning',
  level: null,
  rationale:
    'curl and wget do the same job; a stage that uses both needs both installed (or present in the base ' +
    'image), which is one more binary and its libraries in the image for no gain, and two sets of flags to ' +
    'get right (fail on HTTP errors, retries, TLS). Pick one per stage. Each stage is judged on its own, ' +
    'as each is a separate image.',
  remediation: 'Use one tool for every download of the stage, e.g. `curl -fsSLo file URL` in place of `wget -q URL`.',
  references: ['https://docs.docker.com/build/building/best-practices/#run'],
  equivalents: { hadolint: ['DL4001'] },
  examples: {
    bad: 'FROM debian:12-slim\nRUN wget -q https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
    good: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
  },
  check(model, ctx) {
    const byStage = new Map<number, { first: Map<string, number>; reported: boolean }>();
    for (const run of runs(model)) {
      const key = run.instr.stageIndex;
      let seen = byStage.get(key);
      if (!seen) byStage.set(key, seen = { first: new Map(), reported: false });
      for (const cmd of run.cmds) {
        if (!(TOOLS as readonly string[]).includes(cmd.name)) continue;
        if (!seen.first.has(cmd.name)) seen.first.set(cmd.name, cmd.line);
        const other = cmd.name === 'curl' ? 'wget' : 'curl';
        if (seen.reported || !seen.first.has(other)) continue;
        seen.reported = true;
        ctx.report({
          message: `${cmd.name} here and ${other} at line ${seen.first.get(other)} in the same stage: use one of them`,
          range: commandRange(model, run, cmd, run.locator.locate(cmd, 0)?.slice(0, 1) ?? null),
        });
      }
    }
  },
});
