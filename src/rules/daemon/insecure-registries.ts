import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/insecure-registries',
  target: 'daemon',
  title: 'The engine pulls only over verified TLS (no insecure-registries)',
  severity: 'error',
  level: 'hardened',
  rationale: 'An insecure registry is reached over plain HTTP or with an unverified certificate: anyone on the path can swap the image the engine pulls and runs, as root, on this host.',
  remediation: 'Remove `insecure-registries`; give the registry a certificate (its CA in /etc/docker/certs.d/HOST/ca.crt).',
  references: ['https://docs.docker.com/reference/cli/dockerd/#insecure-registries', 'CIS Docker Benchmark 2.5'],
  equivalents: { cis: ['2.5'], dockerBench: ['check_2_5'] },
  examples: { bad: '{\n  "insecure-registries": ["registry.internal:5000"]\n}\n', good: '{\n  "registry-mirrors": ["https://mirror.internal"]\n}\n' },
  check(model, ctx) {
    const s = setting(model, 'insecure-registries');
    if (!s) return;
    const list = (Array.isArray(s.value) ? s.value : [s.value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    // 127.0.0.0/8 is insecure by default in dockerd; naming it changes nothing
    const real = list.filter((v) => !/^127\.0\.0\.0\/8$/.test(v.trim()));
    if (real.length) reportSetting(ctx, s, `images from ${real.join(', ')} are pulled without verified TLS: a man in the middle chooses what runs`);
  },
});
