import { defineRule } from '../../engine/types.js';
import { checkMemorySwap } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/memory-swap-missing',
  target: 'run',
  title: "A memory limit comes with an equal swap limit",
  severity: 'warning',
  level: 'hardened',
  rationale: "With `--memory` alone Docker lets the container use as much swap again (`--memory-swap` defaults to twice the memory), so the limit does not bound what it holds and a leak turns into host-wide swapping. `--memory-swap` equal to `--memory` means no swap.",
  remediation: "Set `--memory-swap` to the same value as `--memory` (e.g. `--memory=512m --memory-swap=512m`).",
  references: ["https://docs.docker.com/reference/cli/docker/container/run/#memory-swap", "https://docs.docker.com/engine/containers/resource_constraints/#--memory-swap-details"],
  equivalents: {},
  examples: { bad: "docker run --memory=512m nginx:1.27\n", good: "docker run --memory=512m --memory-swap=512m nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkMemorySwap(p, WHO));
  },
});
