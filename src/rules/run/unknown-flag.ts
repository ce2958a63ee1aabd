import { defineRule } from '../../engine/types.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/unknown-flag',
  target: 'run',
  title: "Command lines use flags the CLI knows",
  severity: 'info',
  level: null,
  rationale: "A flag that is not in Docker's flag table is either a typo (Docker refuses to run), another engine's flag, or a newer one. It matters for the audit too: whether it takes a value decides which word is the image, and that is never guessed: the command is then read with the image marked uncertain.",
  remediation: "Check the flag against `docker run --help`; write `--flag=value` so that the image's position is unambiguous.",
  references: ["https://docs.docker.com/reference/cli/docker/container/run/"],
  equivalents: {},
  examples: { bad: "docker run --frobnicate nginx:1.27\n", good: "docker run --rm nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { for (const u of cmd.unknown) reportAt(ctx, cmd, u.at, u.next !== null ? `${cmd.written} does not know ${u.written}: if it takes a value, that is ${JSON.stringify(u.next)}, else ${JSON.stringify(u.next)} is the image (image position uncertain)` : `${cmd.written} does not know ${u.written}`); const uncertain = cmd.imageUncertain; if (uncertain && !cmd.unknown.some((u) => u.written === uncertain.flag)) reportAt(ctx, cmd, cmd.image?.at ?? cmd.at, `${uncertain.flag} may hold flags: the image is one of ${uncertain.candidates.map((c) => JSON.stringify(c)).join(', ')} (image position uncertain)`); }
  },
});
