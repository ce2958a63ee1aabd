import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/host-devices',
  target: 'run',
  title: "Containers do not get host devices",
  severity: 'warning',
  level: 'hardened',
  rationale: "A host device (`--device /dev/sda`) gives the container raw access to hardware or kernel interfaces the host relies on.",
  remediation: "Remove `--device` unless the container exists to drive that device; then give it read-only access where possible (`:r`).",
  references: ["CIS Docker Benchmark 5.17", "https://docs.docker.com/reference/cli/docker/container/run/#device"],
  equivalents: { cis: ['5.17'] },
  examples: { bad: "docker run --device /dev/sda nginx:1.27\n", good: "docker run nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) for (const d of runPosture(cmd).devices) reportAt(ctx, cmd, d.at, `the container gets the host device ${d.value.split(':')[0]}`);
  },
});
