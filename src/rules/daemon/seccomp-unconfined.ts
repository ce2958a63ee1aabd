import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/seccomp-unconfined',
  target: 'daemon',
  title: 'The engine keeps a seccomp profile for every container',
  severity: 'error',
  level: 'nonroot',
  rationale: '`"seccomp-profile": "unconfined"` turns system-call filtering off for every container the engine starts: the calls Docker\'s default profile blocks (`mount`, `unshare`, `keyctl`, `bpf`…) are open to all of them. A custom profile file is checked as a profile (profile/* rules).',
  remediation: 'Remove `seccomp-profile` (Docker\'s default profile applies), or name a deny-by-default profile file.',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'CIS Docker Benchmark 2.17'],
  equivalents: { cis: ['2.17'], dockerBench: ['check_2_17'] },
  examples: { bad: '{\n  "seccomp-profile": "unconfined"\n}\n', good: '{\n  "seccomp-profile": "/etc/docker/seccomp.json"\n}\n' },
  check(model, ctx) {
    const s = setting(model, 'seccomp-profile');
    if (s && typeof s.value === 'string' && s.value.trim() === 'unconfined') reportSetting(ctx, s, 'seccomp filtering is off for every container ("seccomp-profile": "unconfined")');
  },
});
