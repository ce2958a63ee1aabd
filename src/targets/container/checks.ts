// The evidence table of verify: one row per check, pass / fail / n/a, with what was measured.
// Status comes from the container rules' findings (the same ones that grade the level); n/a means
// the check did not apply or could not run, and the row says why.
import type { Finding } from '../../engine/types.js';
import type { ContainerModel, Probe } from './model.js';

export type CheckStatus = 'pass' | 'fail' | 'n/a';

export interface CheckRow {
  check: string;
  rule: string;
  status: CheckStatus;
  evidence: string;
}

function shown<T>(p: Probe<T>, fmt: (v: T) => string): { evidence: string; na: boolean } {
  return p.ok ? { evidence: `${fmt(p.value)} [${p.method}]`, na: false } : { evidence: `not measured: ${p.reason}`, na: true };
}

function mib(bytes: number): string {
  return bytes > 0 ? `${Math.round(bytes / 1048576)} MiB` : 'unlimited';
}

export function checkRows(model: ContainerModel, findings: readonly Finding[], why: Record<string, string> = {}): CheckRow[] {
  const hc = model.hostConfig;
  const failed = new Set(findings.filter((f) => f.location.field !== 'probe' && f.severity !== 'info').map((f) => f.ruleId));
  const rows: CheckRow[] = [];
  const add = (check: string, rule: string, evidence: string, na = false) => {
    rows.push({ check, rule, status: na ? 'n/a' : failed.has(rule) ? 'fail' : 'pass', evidence });
  };
  const writable = (v: boolean, key: string) => (v ? 'writable' : `not writable${why[key] ? ` (${why[key]})` : ''}`);

  let e = shown(model.identity, (i) => `uid=${i.uid} gid=${i.gid} user=${i.user ?? '(no passwd entry)'} home=${i.home ?? '-'}`);
  add('identity: non-root user', 'container/runs-as-root', e.evidence, e.na);
  e = shown(model.identity, (i) => `shell=${i.shell ?? '(no passwd entry)'}`);
  add('identity: no login shell', 'container/login-shell', e.evidence, e.na || (model.identity.ok && model.identity.value.user === null));
  e = shown(model.passwdWritable, (v) => writable(v, 'passwd_w'));
  add('/etc/passwd not writable', 'container/passwd-writable', `/etc/passwd ${e.evidence}`, e.na);
  e = shown(model.rootfsWritable, (v) => writable(v, 'rootfs_w'));
  add('root filesystem read-only', 'container/rootfs-writable', `/ ${e.evidence}; ReadonlyRootfs=${hc.readonlyRootfs}`, e.na && hc.readonlyRootfs);
  e = shown(model.tmpWritable, (v) => writable(v, 'tmp_w'));
  add('/tmp writable', 'container/tmp-not-writable', `/tmp ${e.evidence}${Object.hasOwn(hc.tmpfs, '/tmp') ? ` (tmpfs ${hc.tmpfs['/tmp'] || 'default'})` : ''}`, e.na);
  e = shown(model.capabilities, (c) => `CapEff=${c.effectiveHex} (${c.effective.join(',') || 'none'}) CapPrm=${c.permittedHex} (${c.permitted.length}) CapBnd=${c.boundingHex} (${c.bounding.join(',') || 'none'})`);
  add('no effective capabilities', 'container/effective-capabilities', `${e.evidence}; CapDrop=[${hc.capDrop.join(',')}] CapAdd=[${hc.capAdd.join(',')}]`, e.na);
  e = shown(model.noNewPrivs, (v) => `NoNewPrivs=${v}`);
  add('no new privileges', 'container/no-new-privileges', `${e.evidence}; SecurityOpt=[${hc.securityOpt.join(',')}]`, e.na);
  e = shown(model.seccomp, (v) => `Seccomp=${v} (${['disabled', 'strict', 'filter'][v] ?? 'unknown'})`);
  add('seccomp filter active', 'container/seccomp-disabled', e.evidence, e.na);
  const h = model.health;
  add('health reaches healthy', 'container/health-not-healthy',
    h.defined ? `${h.status} after ${(h.waitedMs / 1000).toFixed(1)} s${h.lastOutput ? `; last output: ${h.lastOutput}` : ''}` : 'no healthcheck in the image or the container');
  const runs = h.log ?? [];
  const lastRun = runs.at(-1);
  add('health check runs a program the image has', 'container/healthcheck-tool-missing',
    lastRun ? `${runs.length} logged run(s); last: exit ${lastRun.exitCode}${lastRun.output ? `, ${lastRun.output}` : ''}` : 'no logged run', !h.defined || !lastRun);
  add('health check fails on an HTTP error', 'container/healthcheck-curl-no-fail',
    h.curl ? `its curl without --fail, run again: ${h.curl.status ?? h.curl.error ?? 'no answer'} (${h.curl.url})` : 'no curl without --fail in a passing check', !h.curl);
  if (model.http) {
    const x = model.http;
    add(`GET ${x.path} answers 200`, 'container/http-probe-failed', `${x.status ?? x.error ?? 'no answer'} from the ${x.from} (${x.url})`);
  } else {
    rows.push({ check: 'HTTP path answers 200', rule: 'container/http-probe-failed', status: 'n/a', evidence: 'no --http path given' });
  }
  add('not privileged', 'container/privileged', `Privileged=${hc.privileged}`);
  add('no host namespaces', 'container/host-namespaces', `network=${hc.networkMode || 'default'} pid=${hc.pidMode || 'private'} ipc=${hc.ipcMode || 'default'} uts=${hc.utsMode || 'private'} userns=${hc.userNsMode || 'default'}`);
  const binds = hc.mounts.filter((m) => m.type === 'bind');
  add('no Docker socket mounted', 'container/docker-socket-mounted', binds.length ? binds.map((m) => `${m.source}:${m.destination}${m.readOnly ? ':ro' : ''}`).join(', ') : 'no bind mounts');
  add('no sensitive host path mounted', 'container/sensitive-host-mount', `${hc.mounts.length} mount(s)${hc.mounts.length ? `: ${hc.mounts.map((m) => `${m.type} ${m.source || '-'}→${m.destination}`).join(', ')}` : ''}`);
  add('memory, CPU and pids limits', 'container/no-resource-limits', `memory=${mib(hc.memory)} cpus=${hc.cpus || 'unlimited'} pids=${hc.pidsLimit && hc.pidsLimit > 0 ? hc.pidsLimit : 'unlimited'}`);
  add('ports bound to an address', 'container/ports-all-interfaces', hc.ports.length ? hc.ports.map((p) => `${p.hostIp || '*'}:${p.hostPort}→${p.containerPort}`).join(', ') : 'none published');
  e = shown(model.processes, (ps) => `${ps.length} process(es): ${ps.slice(0, 5).join('; ')}${ps.length > 5 ? '; …' : ''}`);
  add('no SSH daemon', 'container/sshd-running', e.evidence, e.na);
  add('default ulimits', 'container/ulimits-overridden', hc.ulimits.length ? hc.ulimits.map((u) => `${u.name}=${u.soft}:${u.hard}`).join(' ') : 'none overridden');
  add('no shared mount propagation', 'container/mount-propagation-shared', binds.length ? binds.map((m) => `${m.destination} ${m.propagation || 'default'}`).join(', ') : 'no bind mounts');
  add('no host devices', 'container/host-devices', hc.devices.length ? hc.devices.join(', ') : 'none');
  add('default cgroup parent', 'container/cgroup-parent', hc.cgroupParent || 'engine default');
  add('not on the default bridge', 'container/default-bridge', hc.networks.length ? hc.networks.join(', ') : 'no network');
  e = shown(model.execs, (xs) => xs.length ? xs.map((x) => `${x.id.slice(0, 12)} privileged=${x.privileged} user=${x.user || '(container)'}`).join(', ') : 'no exec sessions kept');
  add('no privileged exec sessions', 'container/privileged-exec', e.evidence, e.na);
  const service = model.mode === 'container';
  const notService = 'a one-off container started by verify';
  rows.push({ check: 'restart policy', rule: 'container/no-restart-policy', status: service ? (findings.some((f) => f.ruleId === 'container/no-restart-policy') ? 'fail' : 'pass') : 'n/a',
    evidence: service ? `${hc.restartPolicy.name || 'no'}${hc.restartPolicy.maximumRetryCount ? `:${hc.restartPolicy.maximumRetryCount}` : ''}` : notService });
  rows.push({ check: 'log rotation', rule: 'container/no-log-limits', status: service ? (findings.some((f) => f.ruleId === 'container/no-log-limits') ? 'fail' : 'pass') : 'n/a',
    evidence: service ? `${hc.logConfig.type} ${Object.entries(hc.logConfig.config).map(([k, v]) => `${k}=${v}`).join(' ') || '(no options)'}` : notService });
  return rows;
}

/** The rows as aligned text (the pretty report's evidence section). */
export function formatCheckRows(rows: readonly CheckRow[], color = false): string {
  const paint = (s: CheckStatus) => {
    const t = s.padEnd(4);
    if (!color) return t;
    return s === 'pass' ? `\u001b[32m${t}\u001b[39m` : s === 'fail' ? `\u001b[31m${t}\u001b[39m` : `\u001b[2m${t}\u001b[22m`;
  };
  const width = Math.max(...rows.map((r) => r.check.length));
  return rows.map((r) => `  ${paint(r.status)}  ${r.check.padEnd(width)}  ${r.evidence}`).join('\n');
}
