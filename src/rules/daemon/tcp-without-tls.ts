import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { isTrue, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/tcp-without-tls',
  target: 'daemon',
  title: 'The engine listens on TCP only with TLS client verification',
  severity: 'error',
  level: 'nonroot',
  rationale: 'Whoever reaches the Engine API controls the host as root: it starts privileged containers that mount `/`. A `tcp://` host without `tlsverify` (port 2375, or any port) gives that to anyone on the network; `tlsverify` without the CA, certificate and key files does not start, or verifies nothing.',
  remediation: 'Listen on the Unix socket only, or on 2376 with `"tlsverify": true` and `tlscacert`, `tlscert`, `tlskey` (client certificates signed by your CA); reach a remote engine over SSH (`DOCKER_HOST=ssh://host`).',
  references: ['https://docs.docker.com/engine/security/protect-access/', 'CIS Docker Benchmark 2.7'],
  equivalents: { cis: ['2.7'], dockerBench: ['check_2_7'] },
  examples: {
    bad: '{\n  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]\n}\n',
    good: '{\n  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],\n  "tlsverify": true,\n  "tlscacert": "/etc/docker/ca.pem",\n  "tlscert": "/etc/docker/server-cert.pem",\n  "tlskey": "/etc/docker/server-key.pem"\n}\n',
  },
  check(model, ctx) {
    const hosts = setting(model, 'hosts');
    if (!hosts) return;
    const list = (Array.isArray(hosts.value) ? hosts.value : [hosts.value]).filter((h): h is string => typeof h === 'string');
    const tcp = list.filter((h) => /^(tcp|http):\/\//i.test(h.trim()) || /^:\d+$/.test(h.trim()));
    if (!tcp.length) return;
    const verify = setting(model, 'tlsverify');
    if (!verify || !isTrue(verify.value)) {
      reportSetting(ctx, hosts, `the engine listens on ${tcp.join(', ')} without "tlsverify": anyone who reaches ${tcp.length === 1 ? 'it' : 'them'} is root on this host${tcp.some((h) => /:2375\b/.test(h)) ? ' (2375 is the plain-text port)' : ''}`);
      return;
    }
    const missing = ['tlscacert', 'tlscert', 'tlskey'].filter((k) => {
      const s = setting(model, k);
      return !s || typeof s.value !== 'string' || !s.value.trim();
    });
    if (missing.length) reportSetting(ctx, verify, `"tlsverify" is on but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: clients are not verified against your CA`);
  },
});
