import { defineRule } from '../../engine/types.js';
import { checkPorts } from '../posture.js';
import { eachPosture, WHO } from './util.js';

export default defineRule({
  id: 'run/port-all-interfaces',
  target: 'run',
  title: "Published ports are bound to a specific interface",
  severity: 'warning',
  level: 'hardened',
  rationale: "`-p 8080:80` publishes on every interface of the host (and Docker's iptables rules bypass most host firewalls), so a port meant for a local proxy is open to the network. `-P` does so for every exposed port.",
  remediation: "Bind to the interface that should reach it: `-p 127.0.0.1:8080:80`.",
  references: ["CIS Docker Benchmark 5.14", "https://docs.docker.com/reference/cli/docker/container/run/#publish"],
  equivalents: { cis: ['5.14'] },
  examples: { bad: "docker run -p 8080:80 nginx:1.27\n", good: "docker run -p 127.0.0.1:8080:80 nginx:1.27\n" },
  check(model, ctx) {
    eachPosture(model, ctx, (p) => checkPorts(p, WHO));
  },
});
