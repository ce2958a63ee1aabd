// The typed view of a merged service: short and long syntax of ports, volumes, healthcheck,
// environment, limits… each item kept with the node it came from. Pure.
import type { SourceRange } from '../../engine/types.js';
import type {
  BuildSpec, ComposeService, EnvEntry, EnvFileRef, HealthcheckSpec, Located, PortSpec, VolumeSpec, YMap, YNode,
} from './model.js';
import { get, getPath, isTrue, str } from './model.js';
import { normalize, splitVolume } from './merge.js';

export function buildService(name: string, node: YMap, file: string, keyRange: SourceRange): ComposeService {
  const path = ['services', name];
  const image = get(node, 'image');
  const imageValue = str(image);
  return {
    name,
    node,
    file,
    keyRange,
    yamlPath: `services.${name}`,
    image: image && imageValue ? { value: imageValue, node: image } : null,
    build: buildSpec(get(node, 'build')),
    ports: list(get(node, 'ports')).flatMap(portSpecs),
    volumes: list(get(node, 'volumes')).map(volumeSpec).filter((v): v is VolumeSpec => v !== null),
    healthcheck: healthcheckSpec(get(node, 'healthcheck')),
    environment: environment(get(node, 'environment'), path),
    envFiles: envFiles(get(node, 'env_file'), path),
    capAdd: strings(get(node, 'cap_add')),
    capDrop: strings(get(node, 'cap_drop')),
    securityOpt: strings(get(node, 'security_opt')),
    devices: list(get(node, 'devices')).map((d) => {
      const s = d.kind === 'map' ? str(get(d, 'source')) : str(d);
      return s === undefined ? null : { value: s, node: d };
    }).filter((d): d is Located<string> => d !== null),
    tmpfs: strings(normalize('tmpfs', get(node, 'tmpfs') ?? emptySeq(node), [...path, 'tmpfs'])),
    secrets: list(get(node, 'secrets')).map((s) => {
      const v = s.kind === 'map' ? str(get(s, 'source')) : str(s);
      return v === undefined ? null : { value: v, node: s };
    }).filter((s): s is Located<string> => s !== null),
    limits: {
      memory: getPath(node, ['deploy', 'resources', 'limits', 'memory']) ?? get(node, 'mem_limit') ?? null,
      cpus: getPath(node, ['deploy', 'resources', 'limits', 'cpus']) ?? get(node, 'cpus') ?? get(node, 'cpu_quota') ?? null,
      pids: getPath(node, ['deploy', 'resources', 'limits', 'pids']) ?? get(node, 'pids_limit') ?? null,
    },
    imageFacts: null,
  };
}

function emptySeq(node: YNode): YNode {
  return { kind: 'seq', file: node.file, range: node.range, items: [] };
}

function list(node: YNode | undefined): YNode[] {
  if (!node) return [];
  if (node.kind === 'seq') return node.items;
  return [];
}

function strings(node: YNode | undefined): Located<string>[] {
  if (!node) return [];
  const items = node.kind === 'seq' ? node.items : node.kind === 'scalar' && node.value !== null ? [node] : [];
  const out: Located<string>[] = [];
  for (const i of items) {
    const s = str(i);
    if (s !== undefined) out.push({ value: s, node: i });
  }
  return out;
}

function buildSpec(node: YNode | undefined): BuildSpec | null {
  if (!node) return null;
  if (node.kind === 'scalar') {
    const s = str(node);
    return s ? { context: s, dockerfile: 'Dockerfile', inline: false, args: {}, node } : null;
  }
  if (node.kind !== 'map') return null;
  const args: Record<string, string> = {};
  const argsNode = get(node, 'args');
  if (argsNode) {
    const m = normalize('args', argsNode, ['services', '_', 'build', 'args']);
    if (m.kind === 'map') for (const [k, v] of m.entries) { const s = str(v); if (s !== undefined && (v.kind !== 'scalar' || v.value !== null)) args[k] = s; }
  }
  return {
    context: str(get(node, 'context')) || '.',
    dockerfile: str(get(node, 'dockerfile')) || 'Dockerfile',
    inline: get(node, 'dockerfile_inline') !== undefined,
    args,
    node,
  };
}

/** Short syntax: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], IPv6 hosts in brackets. */
export function parsePortString(s: string): { hostIp: string | null; published: string | null; target: string; protocol: string } {
  let text = s.trim();
  let protocol = 'tcp';
  const slash = text.lastIndexOf('/');
  if (slash > 0 && !text.slice(slash).includes(':')) {
    protocol = text.slice(slash + 1) || 'tcp';
    text = text.slice(0, slash);
  }
  let hostIp: string | null = null;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    hostIp = text.slice(1, close);
    text = text.slice(close + 2);
  }
  const parts = text.split(':');
  if (hostIp === null && parts.length > 3) {
    hostIp = parts.slice(0, -2).join(':');
    return { hostIp, published: parts.at(-2) || null, target: parts[parts.length - 1], protocol };
  }
  if (parts.length === 1) return { hostIp, published: null, target: parts[0], protocol };
  if (parts.length === 2) return { hostIp, published: parts[0] || null, target: parts[1], protocol };
  return { hostIp: parts[0] || null, published: parts[1] || null, target: parts[2], protocol };
}

function isAllInterfaces(ip: string | null): boolean {
  return ip === null || ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '[::]';
}

function portSpecs(node: YNode): PortSpec[] {
  if (node.kind === 'map') {
    const target = str(get(node, 'target')) ?? '';
    const published = str(get(node, 'published')) || null;
    const hostIp = str(get(node, 'host_ip')) || null;
    const mode = str(get(node, 'mode'));
    return [{
      hostIp, published, target, protocol: str(get(node, 'protocol')) || 'tcp',
      allInterfaces: isAllInterfaces(hostIp), ephemeral: published === null && mode !== 'ingress', node,
    }];
  }
  const s = str(node);
  if (s === undefined || s === '') return [];
  const p = parsePortString(s);
  return [{ ...p, allInterfaces: isAllInterfaces(p.hostIp), ephemeral: p.published === null, node }];
}

function volumeSpec(node: YNode): VolumeSpec | null {
  if (node.kind === 'map') {
    const type = str(get(node, 'type')) || 'volume';
    return {
      type,
      source: str(get(node, 'source')) || null,
      target: str(get(node, 'target')) ?? '',
      readOnly: isTrue(get(node, 'read_only')),
      node,
    };
  }
  const s = str(node);
  if (!s) return null;
  const parts = splitVolume(s);
  if (parts.length === 1) return { type: 'volume', source: null, target: parts[0], readOnly: false, node };
  const source = parts[0];
  const mode = parts[2] ?? '';
  const bind = /^([./~]|[A-Za-z]:[\\/]|\\\\|\$)/.test(source) || source.includes('/');
  return {
    type: bind ? 'bind' : 'volume',
    source,
    target: parts[1] ?? '',
    readOnly: mode.split(',').some((m) => m === 'ro' || m === 'readonly'),
    node,
  };
}

function healthcheckSpec(node: YNode | undefined): HealthcheckSpec | null {
  if (!node || node.kind !== 'map') return null;
  const testNode = get(node, 'test');
  let test: string[] | null = null;
  if (testNode?.kind === 'seq') test = testNode.items.map((i) => str(i) ?? '');
  else if (testNode?.kind === 'scalar' && testNode.value !== null) test = ['CMD-SHELL', String(testNode.value)];
  const disabled = isTrue(get(node, 'disable')) || (test !== null && test[0]?.toUpperCase() === 'NONE');
  return { disabled, test, node };
}

function environment(node: YNode | undefined, path: string[]): EnvEntry[] {
  if (!node) return [];
  const m = normalize('environment', node, [...path, 'environment']);
  if (m.kind !== 'map') return [];
  const out: EnvEntry[] = [];
  for (const [name, v] of m.entries) {
    const value = v.kind === 'scalar' ? (v.value === null ? null : String(v.value)) : null;
    const raw = v.kind === 'scalar' ? (v.raw ?? value) : null;
    out.push({ name, value, raw, node: v });
  }
  return out;
}

function envFiles(node: YNode | undefined, path: string[]): EnvFileRef[] {
  if (!node) return [];
  const seq = normalize('env_file', node, [...path, 'env_file']);
  const out: EnvFileRef[] = [];
  for (const item of list(seq)) {
    if (item.kind === 'map') {
      const p = str(get(item, 'path'));
      if (p) out.push({ path: p, required: get(item, 'required') === undefined || isTrue(get(item, 'required')), node: item, entries: null });
    } else {
      const p = str(item);
      if (p) out.push({ path: p, required: true, node: item, entries: null });
    }
  }
  return out;
}
