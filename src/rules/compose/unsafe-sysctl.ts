import { defineRule } from '../../engine/types.js';
import { get, str } from '../../targets/compose/model.js';
import { normalize } from '../../targets/compose/merge.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

/** sysctls that weaken isolation or network hardening when set to the given values. */
const WEAKENING: { re: RegExp; bad: (v: string) => boolean; why: string }[] = [
  { re: /^net\.ipv4\.ip_forward$|^net\.ipv[46]\.conf\.[^.]+\.forwarding$/, bad: (v) => v !== '0', why: 'turns the container into a router' },
  { re: /^net\.ipv4\.conf\.[^.]+\.route_localnet$/, bad: (v) => v !== '0', why: 'lets traffic reach 127.0.0.0/8 services from outside' },
  { re: /^net\.ipv[46]\.conf\.[^.]+\.accept_(redirects|source_route)$/, bad: (v) => v !== '0', why: 'accepts ICMP redirects or source-routed packets' },
  { re: /^net\.ipv4\.conf\.[^.]+\.rp_filter$/, bad: (v) => v === '0', why: 'disables reverse-path filtering (spoofed sources)' },
  { re: /^net\.ipv4\.tcp_syncookies$/, bad: (v) => v === '0', why: 'disables SYN-flood protection' },
  { re: /^kernel\./, bad: () => true, why: 'changes a kernel parameter (most kernel.* settings are not namespaced and affect the host)' },
  { re: /^(vm|fs|dev|abi|debug|user)\./, bad: () => true, why: 'changes a host-wide kernel parameter' },
];
const NAMESPACED_KERNEL = /^kernel\.(shm(all|max|mni)|shm_rmid_forced|msg(max|mnb|mni)|sem|mqueue\.|domainname|hostname)$/;

export default defineRule({
  id: 'compose/unsafe-sysctl',
  target: 'compose',
  title: 'sysctls do not weaken isolation',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A namespaced sysctl changes the container\'s own network stack; some values undo protections (forwarding, route_localnet, source routing, no SYN cookies), and non-namespaced ones (most of kernel.*, vm.*, fs.*) need a privileged container and change the whole host.',
  remediation: 'Remove the sysctl or set it to the safe value; tune host-wide parameters on the host, not from a service.',
  references: ['https://docs.docker.com/reference/cli/docker/container/run/#sysctl', 'https://docs.docker.com/reference/compose-file/services/#sysctls'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    sysctls:\n      net.ipv4.ip_forward: 1\n', good: 'services:\n  api:\n    image: nginx:1.27\n    sysctls:\n      net.ipv4.ip_unprivileged_port_start: 80\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const raw = get(svc.node, 'sysctls');
      if (!raw) continue;
      const m = normalize('sysctls', raw, [...svc.yamlPath.split('.'), 'sysctls']);
      if (m.kind !== 'map') continue;
      for (const [name, v] of m.entries) {
        const key = name.trim();
        if (NAMESPACED_KERNEL.test(key)) continue;
        const value = (str(v) ?? '').trim();
        const hit = WEAKENING.find((w) => w.re.test(key) && w.bad(value));
        if (hit) reportNode(ctx, v, `${svc.yamlPath}.sysctls.${key}`, `service ${svc.name} sets ${key}=${value}: ${hit.why}`);
      }
    }
  },
});
