import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/read-only-without-tmpfs',
  target: 'run',
  title: "A read-only container has a writable tmpfs where it needs one",
  severity: 'info',
  level: null,
  rationale: "Most programs write somewhere (/tmp, a pid file, a cache). A read-only container without a tmpfs or a writable volume often fails at start, and the usual \"fix\" is to drop --read-only.",
  remediation: "Add `--tmpfs /tmp` (or a volume) for the paths the program writes.",
  references: ["https://docs.docker.com/reference/cli/docker/container/run/#tmpfs"],
  equivalents: {},
  examples: { bad: "docker run --read-only nginx:1.27\n", good: "docker run --read-only --tmpfs /tmp nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const p = runPosture(cmd); if (p.readOnly?.value === 'true' && p.tmpfs.length === 0 && !p.mounts.some((m) => !m.readOnly)) reportAt(ctx, cmd, p.readOnly.at, 'the container is read-only but has no tmpfs or writable volume (e.g. for /tmp)'); }
  },
});
