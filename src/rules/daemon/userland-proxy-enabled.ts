import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { isFalse, readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/userland-proxy-enabled',
  target: 'daemon',
  title: 'Published ports use iptables, not the userland proxy',
  severity: 'info',
  level: null,
  rationale: 'With the userland proxy on, the engine starts a `docker-proxy` process per published port: more code running as root on the host, and the container sees every connection as coming from the bridge gateway. Hairpin NAT through iptables does the same job.',
  remediation: 'Set `"userland-proxy": false` (on kernels with hairpin NAT, which current distributions have).',
  references: ['https://docs.docker.com/engine/network/packet-filtering-firewalls/', 'CIS Docker Benchmark 2.16'],
  equivalents: { cis: ['2.16'], dockerBench: ['check_2_16'] },
  examples: { bad: '{\n  "userland-proxy": true\n}\n', good: '{\n  "userland-proxy": false\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const s = setting(model, 'userland-proxy');
    if (!s) reportMissing(ctx, model, 'no "userland-proxy": false: a root docker-proxy process runs per published port');
    else if (!isFalse(s.value)) reportSetting(ctx, s, '"userland-proxy" is on: a root docker-proxy process runs per published port');
  },
});
