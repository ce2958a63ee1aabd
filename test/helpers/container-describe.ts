// A container model from a short JSON description: the given fields over a baseline of a
// container run the hardened way (what `verify --profile hardened` measures on the reference image).
// Used by the rule tests and the rules' examples; never by verify itself.
import type { ContainerModel } from '../../src/targets/container/model.js';

export function hardenedBaseline(path: string): ContainerModel {
  const none = { effectiveHex: '0000000000000000', permittedHex: '0000000000000000', boundingHex: '0000000000000000', effective: [], permitted: [], bounding: [] };
  return {
    path,
    mode: 'image',
    profile: 'hardened',
    image: { ref: path, id: 'sha256:0', user: '10001:10001', healthcheck: ['CMD', 'node', '-e', '…'] },
    container: { id: '0', name: 'example' },
    hostConfig: {
      readonlyRootfs: true, privileged: false, capAdd: [], capDrop: ['ALL'], securityOpt: ['no-new-privileges'],
      memory: 268435456, memorySwap: 268435456, apparmorProfile: 'docker-default', networkNone: true, cpus: 1, pidsLimit: 128, networkMode: 'none', pidMode: '', ipcMode: 'private', utsMode: '',
      userNsMode: '', tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' }, ports: [], mounts: [], devices: [], ulimits: [], cgroupParent: '', networks: ['none'],
      restartPolicy: { name: 'unless-stopped', maximumRetryCount: 0 },
      logConfig: { type: 'json-file', config: { 'max-size': '10m', 'max-file': '3' } },
    },
    identity: { ok: true, method: 'sh', value: { uid: 10001, gid: 10001, user: 'app', home: '/nonexistent', shell: '/usr/sbin/nologin' } },
    passwdWritable: { ok: true, method: 'sh', value: false },
    rootfsWritable: { ok: true, method: 'sh', value: false },
    tmpWritable: { ok: true, method: 'sh', value: true },
    capabilities: { ok: true, method: 'sh', value: none },
    noNewPrivs: { ok: true, method: 'sh', value: 1 },
    seccomp: { ok: true, method: 'sh', value: 2 },
    processes: { ok: true, method: 'inspect', value: ['node dist/main.js'] },
    execs: { ok: true, method: 'inspect', value: [] },
    health: { defined: true, status: 'healthy', waitedMs: 1000 },
    http: null,
  };
}

const WHOLE = new Set(['config', 'tmpfs']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  // a probe given as {ok:false,...} or {ok:true,...} replaces the baseline probe whole
  if ('ok' in over) return over;
  // maps (log options, tmpfs) are given whole, not merged key by key
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base && !WHOLE.has(k) ? merge(base[k], v) : v;
  return out;
}

/** `code` is JSON: a partial ContainerModel merged over the hardened baseline. */
export function describeContainer(code: string, path: string): ContainerModel {
  const given = code.trim() === '' ? {} : JSON.parse(code) as unknown;
  if (!isObject(given)) throw new Error('a container description is a JSON object');
  return merge(hardenedBaseline(path), given) as ContainerModel;
}
