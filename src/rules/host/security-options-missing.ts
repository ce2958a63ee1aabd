import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/security-options-missing',
  target: 'host',
  title: 'The engine confines containers with seccomp and AppArmor or SELinux',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Docker\'s default seccomp profile and its AppArmor (or SELinux) policy are what stop a process in a container from mounting filesystems, loading kernel modules or reaching host files. An engine that reports neither in /info runs every container without them, whatever the compose files say.',
  remediation: 'Use a kernel with seccomp and AppArmor or SELinux enabled, install the distribution\'s apparmor package (or set `"selinux-enabled": true` on SELinux hosts), and do not set `"seccomp-profile": "unconfined"`.',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'https://docs.docker.com/engine/security/apparmor/', 'CIS Docker Benchmark 5.1', 'CIS Docker Benchmark 5.2'],
  equivalents: { cis: ['2.17', '5.1', '5.2'], dockerBench: ['check_2_17'] },
  examples: { bad: '{"engine": {"ok": true, "value": {"securityOptions": ["cgroupns"]}}}', good: '{"engine": {"ok": true, "value": {"securityOptions": ["apparmor", "seccomp", "cgroupns"]}}}' },
  check(model, ctx) {
    if (!model.engine.ok) return;
    const o = model.engine.value.securityOptions;
    const missing: string[] = [];
    if (!o.includes('seccomp')) missing.push('seccomp');
    if (!o.includes('apparmor') && !o.includes('selinux')) missing.push('AppArmor or SELinux');
    if (model.engine.value.seccompProfile === 'unconfined') missing.push('a seccomp profile (it is unconfined)');
    if (missing.length) ctx.report({ message: `the engine reports no ${missing.join(' and no ')}: containers run without that confinement`, location: { path: 'engine', field: 'Info.SecurityOptions' } });
  },
});
