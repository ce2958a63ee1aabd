// Probes run inside the container (pure parts: the scripts and the parsers of their output).
// The probes read /proc/1/status and /etc/passwd and test writability without writing: the mount
// options in /proc/mounts (a read-only mount) and an access check. Nothing is created, so not even
// the modification time of / or /tmp changes in a container checked as it is.
import type { ContainerModel, Identity, Probe, ProbeMethod } from './model.js';

/** Linux capability names by bit number (include/uapi/linux/capability.h), without the CAP_ prefix. */
export const CAPABILITY_NAMES: readonly string[] = [
  'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP',
  'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'IPC_OWNER',
  'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT', 'SYS_PTRACE', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE',
  'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'LEASE', 'AUDIT_WRITE', 'AUDIT_CONTROL', 'SETFCAP',
  'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ', 'PERFMON', 'BPF',
  'CHECKPOINT_RESTORE',
];

/** Decodes a /proc capability mask (hex) into names; unknown bits become CAP_<n>. */
export function decodeCapabilities(hex: string): string[] {
  const clean = hex.trim().replace(/^0x/i, '');
  if (!/^[0-9a-f]+$/i.test(clean)) throw new Error(`not a capability mask: "${hex}"`);
  const mask = BigInt(`0x${clean}`);
  const names: string[] = [];
  for (let bit = 0n; bit < 64n; bit++) {
    if (mask & (1n << bit)) names.push(CAPABILITY_NAMES[Number(bit)] ?? `CAP_${bit}`);
  }
  return names;
}

export interface ProcStatus {
  uid: number;
  gid: number;
  capEff: string;
  capPrm: string;
  capBnd: string;
  noNewPrivs: number | null;
  seccomp: number | null;
}

/** Parses /proc/<pid>/status: real uid/gid (first field), capability masks, NoNewPrivs, Seccomp. */
export function parseProcStatus(text: string): ProcStatus {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) fields.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  const first = (k: string): number => {
    const v = fields.get(k);
    const n = v === undefined ? NaN : Number(v.split(/\s+/)[0]);
    if (!Number.isInteger(n)) throw new Error(`no ${k} line in /proc/1/status`);
    return n;
  };
  const mask = (k: string): string => {
    const v = fields.get(k);
    if (v === undefined || !/^[0-9a-f]+$/i.test(v)) throw new Error(`no ${k} line in /proc/1/status`);
    return v;
  };
  const optional = (k: string): number | null => {
    const v = fields.get(k);
    return v === undefined || !/^\d+$/.test(v) ? null : Number(v);
  };
  return {
    uid: first('Uid'), gid: first('Gid'),
    capEff: mask('CapEff'), capPrm: mask('CapPrm'), capBnd: mask('CapBnd'),
    noNewPrivs: optional('NoNewPrivs'), seccomp: optional('Seccomp'),
  };
}

/** name, home and shell of a uid from /etc/passwd text; nulls when the uid has no entry. */
export function identityFrom(uid: number, gid: number, passwd: string | null): Identity {
  for (const line of (passwd ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 7 && Number(f[2]) === uid && f[2] !== '') {
      return { uid, gid, user: f[0], home: f[5], shell: f[6].trim() };
    }
  }
  return { uid, gid, user: null, home: null, shell: null };
}

/** The probe as a POSIX shell script. Sections start with @@name; writability answers yes / no <why>. */
export function shellProbe(): string {
  return [
    "p() { printf '@@%s\\n' \"$1\"; }",
    // w DIR: no when its mount (or the root mount) is read-only, else the access check
    'w() { r=; t=; while read -r _ mp _ op _; do [ "$mp" = / ] && r=$op; [ "$mp" = "$1" ] && t=$op; done < /proc/mounts; ' +
      'case ",${t:-$r}," in *,ro,*) echo \'no Read-only file system\'; return;; esac; ' +
      'if [ -w "$1" ]; then echo yes; else echo \'no access(W_OK) denied\'; fi; }',
    'p status; cat /proc/1/status 2>&1',
    'p passwd; cat /etc/passwd 2>&1',
    "p passwd_w; if [ -w /etc/passwd ]; then echo yes; else echo 'no access(W_OK) denied'; fi",
    'p rootfs_w; w /',
    "p tmp_w; if [ ! -d /tmp ]; then echo 'no /tmp does not exist'; else w /tmp; fi",
    'p end',
  ].join('\n');
}

/** The same probe for images without a shell, run by the image's own node (`node -e`). */
export function nodeProbe(): string {
  return [
    "const fs=require('fs');const o=[];const p=(n)=>o.push('@@'+n);",
    "const rd=(f)=>{try{return fs.readFileSync(f,'utf8').replace(/\\n$/,'')}catch(e){return 'error '+e.message}};",
    "const opts=(d)=>{let r='',t='';for(const l of rd('/proc/mounts').split('\\n')){const f=l.split(' ');if(f[1]==='/')r=f[3]||'';if(f[1]===d)t=f[3]||''}return ','+(t||r)+','};",
    "const w=(d)=>{if(opts(d).includes(',ro,'))return 'no Read-only file system';try{fs.accessSync(d,fs.constants.W_OK);return 'yes'}catch(e){return 'no '+e.message}};",
    "p('status');o.push(rd('/proc/1/status'));p('passwd');o.push(rd('/etc/passwd'));",
    "p('passwd_w');try{fs.accessSync('/etc/passwd',fs.constants.W_OK);o.push('yes')}catch(e){o.push('no '+e.message)}",
    "p('rootfs_w');o.push(w('/'));",
    "p('tmp_w');o.push(fs.existsSync('/tmp')?w('/tmp'):'no /tmp does not exist');",
    "p('end');process.stdout.write(o.join('\\n')+'\\n');",
  ].join('');
}

/** The model's probe fields, plus the reasons behind the writability answers. */
export type ProbeResults = Pick<ContainerModel,
  'identity' | 'passwdWritable' | 'rootfsWritable' | 'tmpWritable' | 'capabilities' | 'noNewPrivs' | 'seccomp'> & {
  /** Why a writability probe said no (e.g. "Read-only file system"), by probe name. */
  why: Record<string, string>;
};

export function splitSections(output: string): Map<string, string> {
  const sections = new Map<string, string>();
  let name: string | null = null;
  let lines: string[] = [];
  for (const line of output.replace(/\r/g, '').split('\n')) {
    const m = /^@@([a-z_]+)$/.exec(line);
    if (m) {
      if (name) sections.set(name, lines.join('\n'));
      name = m[1];
      lines = [];
    } else if (name) {
      lines.push(line);
    }
  }
  if (name) sections.set(name, lines.join('\n'));
  return sections;
}

/** Every probe failed for the same reason (no way to run anything in the container). */
export function failedProbes(reason: string): ProbeResults {
  const no = { ok: false as const, reason };
  return { identity: no, passwdWritable: no, rootfsWritable: no, tmpWritable: no, capabilities: no, noNewPrivs: no, seccomp: no, why: {} };
}

/** Turns the sectioned output of shellProbe/nodeProbe into probe results. */
export function parseProbeOutput(output: string, method: ProbeMethod): ProbeResults {
  const s = splitSections(output);
  const statusText = s.get('status');
  if (statusText === undefined || !s.has('end')) {
    return failedProbes(`the ${method} probe printed no complete result: ${oneLine(output) || '(no output)'}`);
  }
  const why: Record<string, string> = {};
  const yesNo = (name: string): Probe<boolean> => {
    const v = (s.get(name) ?? '').trim();
    if (v === 'yes') return { ok: true, value: true, method };
    if (v.startsWith('no')) {
      why[name] = cleanReason(v.slice(2));
      return { ok: true, value: false, method };
    }
    return { ok: false, reason: `unexpected ${name} answer: ${oneLine(v) || '(empty)'}` };
  };
  const result: ProbeResults = {
    ...failedProbes('/proc/1/status could not be read'),
    passwdWritable: yesNo('passwd_w'),
    rootfsWritable: yesNo('rootfs_w'),
    tmpWritable: yesNo('tmp_w'),
    why,
  };
  let status: ProcStatus;
  try {
    status = parseProcStatus(statusText);
  } catch (err) {
    const reason = `/proc/1/status: ${(err as Error).message} (${oneLine(statusText).slice(0, 80)})`;
    return { ...result, identity: { ok: false, reason }, capabilities: { ok: false, reason }, noNewPrivs: { ok: false, reason }, seccomp: { ok: false, reason } };
  }
  const passwd = s.get('passwd') ?? '';
  result.identity = { ok: true, value: identityFrom(status.uid, status.gid, passwd.startsWith('error ') ? null : passwd), method };
  result.capabilities = {
    ok: true,
    method,
    value: {
      effectiveHex: status.capEff, permittedHex: status.capPrm, boundingHex: status.capBnd,
      effective: decodeCapabilities(status.capEff), permitted: decodeCapabilities(status.capPrm), bounding: decodeCapabilities(status.capBnd),
    },
  };
  result.noNewPrivs = status.noNewPrivs === null ? { ok: false, reason: 'the kernel shows no NoNewPrivs line' } : { ok: true, value: status.noNewPrivs, method };
  result.seccomp = status.seccomp === null ? { ok: false, reason: 'the kernel shows no Seccomp line' } : { ok: true, value: status.seccomp, method };
  return result;
}

function cleanReason(text: string): string {
  // "sh: can't create /x: Read-only file system" / "EROFS: read-only file system, open '/x'" -> the cause
  const t = oneLine(text);
  if (/read-only file system/i.test(t)) return 'read-only file system';
  if (/permission denied|EACCES|access\(W_OK\) denied/i.test(t)) return 'permission denied';
  if (/does not exist|ENOENT|nonexistent/i.test(t)) return 'does not exist';
  return t.slice(0, 120);
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
