// Memory, CPU or pids are unlimited.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/no-resource-limits',
  target: 'container',
  title: 'Memory, CPU and process-count limits are set',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without limits one container (a leak, a fork bomb, an attacker mining) can starve the host and every other container on it.',
  remediation: 'Run with `--memory 256m --cpus 1 --pids-limit 128` (compose: `deploy.resources.limits` or mem_limit/cpus/pids_limit).',
  references: ['CIS Docker 5.10', 'CIS Docker 5.11', 'CIS Docker 5.28'],
  equivalents: { cis: ['5.10', '5.11', '5.28'], kics: ['Memory Not Limited', 'Cpus Not Limited', 'Pids Limit Not Set'] },
  examples: { bad: '{"hostConfig":{"memory":0,"cpus":0,"pidsLimit":null}}', good: '{"hostConfig":{"memory":268435456,"cpus":0.5,"pidsLimit":128}}' },
  check(model, ctx) {
    const hc = model.hostConfig;
    const missing: string[] = [];
    if (!(hc.memory > 0)) missing.push('memory (HostConfig.Memory)');
    if (!(hc.cpus > 0)) missing.push('CPU (HostConfig.NanoCpus / CpuQuota)');
    if (hc.pidsLimit === null || hc.pidsLimit <= 0) missing.push('process count (HostConfig.PidsLimit)');
    if (missing.length) ctx.report({ message: `no limit on ${missing.join(', ')}`, location: { field: 'HostConfig' } });
  },
});
