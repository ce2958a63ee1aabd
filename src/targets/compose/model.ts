// The typed model of a compose project: one or more compose files (base + overrides) merged the
// way `docker compose` merges them, with every value traced back to the file, line and column it
// was written at. Plain data; built by load.ts (I/O) from parse.ts (YAML) and merge.ts.
import type { Severity, SourceRange } from '../../engine/types.js';

/** A YAML value after anchors, aliases, merge keys (`<<`) and `${VAR}` interpolation. */
export type YNode = YMap | YSeq | YScalar;

interface YBase {
  /** Relative POSIX path of the file the value was written in (an override file, or the file of an x- anchor). */
  file: string;
  /** Range of the value as written (for a value that came through an alias: the anchored value). */
  range: SourceRange;
  /** Range of the key of the pair this value belongs to (`cap_drop:`), when it is a mapping value. */
  keyRange?: SourceRange;
  /** `!reset` or `!override` (compose merge tags), when written. */
  tag?: string;
}

export interface YMap extends YBase {
  kind: 'map';
  /** Entries in source order (merge-key entries after the explicit ones). */
  entries: Map<string, YNode>;
}

export interface YSeq extends YBase {
  kind: 'seq';
  items: YNode[];
}

export interface YScalar extends YBase {
  kind: 'scalar';
  /** Interpolated value. */
  value: string | number | boolean | null;
  /** Source text of a string scalar before interpolation (with `${VAR}` still in it); undefined when no `$` was in it. */
  raw?: string;
  /** true when a variable in it was not set (the value is then a guess). */
  unresolved?: boolean;
}

export interface Diagnostic {
  kind: 'yaml' | 'schema' | 'interpolation' | 'not-compose' | 'build' | 'env-file';
  severity: Severity;
  message: string;
  file: string;
  range: SourceRange;
  yamlPath?: string;
}

export interface ComposeFile {
  /** Relative POSIX path. */
  path: string;
  text: string;
  /** Comments (`# …`, text after '#', trimmed) with their ranges, for inline ignores; none
   *  collected from a text without the word `tightship` or `hadolint` (it holds no ignore). */
  comments: { text: string; range: SourceRange }[];
}

/** A value with the node it came from (for locations). */
export interface Located<T> {
  value: T;
  node: YNode;
}

export interface PortSpec {
  hostIp: string | null;
  /** Host port or range as written ('8080', '8000-8010'); null when not published on a fixed port. */
  published: string | null;
  target: string;
  protocol: string;
  /** true when Docker publishes it on every host interface (no host IP, 0.0.0.0 or ::). */
  allInterfaces: boolean;
  /** true when only the container port is given: Docker publishes it on a random port of every interface. */
  ephemeral: boolean;
  node: YNode;
}

export interface VolumeSpec {
  /** bind, volume, tmpfs, npipe, image, cluster, or whatever else the file says. */
  type: string;
  /** Host path (bind) or volume name; null for anonymous volumes and tmpfs. */
  source: string | null;
  target: string;
  readOnly: boolean;
  node: YNode;
}

export interface HealthcheckSpec {
  /** `disable: true` or `test: ["NONE"]`. */
  disabled: boolean;
  /** The test as a list (`["CMD", …]`, `["CMD-SHELL", "…"]`), a string as `["CMD-SHELL", s]`; null when not given. */
  test: string[] | null;
  node: YNode;
}

export interface EnvEntry {
  name: string;
  /** null for `- NAME` without a value (taken from the shell). */
  value: string | null;
  /** The value as written before interpolation. */
  raw: string | null;
  node: YNode;
}

export interface EnvFileEntry {
  name: string;
  value: string;
  /** The env file's relative path, and where the line is. */
  file: string;
  range: SourceRange;
}

export interface EnvFileRef {
  /** As written. */
  path: string;
  required: boolean;
  node: YNode;
  /** Entries read from the file; null when it could not be read. */
  entries: EnvFileEntry[] | null;
}

export interface BuildSpec {
  context: string;
  /** Dockerfile path as written (default 'Dockerfile'), relative to the context. */
  dockerfile: string;
  inline: boolean;
  args: Record<string, string>;
  node: YNode;
}

/** What the image a service builds says about the run-time user and healthcheck (from its Dockerfile). */
export interface ImageFacts {
  /** Relative path of the Dockerfile ('' when the facts come from an inspected image). */
  dockerfile: string;
  /** The image reference whose config was read from the local engine (--inspect-images). */
  image?: string;
  /** Ports the image config exposes (inspected images only), e.g. "80/tcp". */
  exposedPorts?: string[];
  /** The effective USER of the final stage (after ARG resolution), null when none. */
  user: string | null;
  /** true when the final stage has a HEALTHCHECK other than NONE. */
  healthcheck: boolean;
  /** true when the final stage has HEALTHCHECK NONE. */
  healthcheckNone: boolean;
}

export interface ComposeService {
  name: string;
  /** The merged service mapping. */
  node: YMap;
  /** Where the service's key (`  api:`) is in the first file that defines it. */
  file: string;
  keyRange: SourceRange;
  /** `services.<name>` */
  yamlPath: string;
  image: Located<string> | null;
  build: BuildSpec | null;
  ports: PortSpec[];
  volumes: VolumeSpec[];
  healthcheck: HealthcheckSpec | null;
  environment: EnvEntry[];
  envFiles: EnvFileRef[];
  capAdd: Located<string>[];
  capDrop: Located<string>[];
  securityOpt: Located<string>[];
  devices: Located<string>[];
  tmpfs: Located<string>[];
  /** Service-level secrets (names). */
  secrets: Located<string>[];
  /** Memory, CPU and pids limits from deploy.resources.limits or the legacy keys; null when not set. */
  limits: { memory: YNode | null; cpus: YNode | null; pids: YNode | null };
  /** The image's own facts when the service builds it; null for image-only services or unreadable Dockerfiles. */
  imageFacts: ImageFacts | null;
  /** Why the image's config could not be read when inspection was asked for (set by the load step). */
  imageUnknown?: string;
}

export interface ComposeModel {
  /** Relative POSIX path of the base file (used in findings by default). */
  path: string;
  /** The files merged, in merge order. */
  files: ComposeFile[];
  services: ComposeService[];
  /** Problems found while loading: YAML, schema, interpolation, missing Dockerfiles. */
  diagnostics: Diagnostic[];
}

/** The entry of a mapping, or undefined. */
export function get(node: YNode | null | undefined, key: string): YNode | undefined {
  return node && node.kind === 'map' ? node.entries.get(key) : undefined;
}

/** Follows a dotted path of mapping keys. */
export function getPath(node: YNode | null | undefined, path: string[]): YNode | undefined {
  let cur: YNode | undefined = node ?? undefined;
  for (const k of path) {
    cur = get(cur, k);
    if (!cur) return undefined;
  }
  return cur;
}

/** A scalar's value as a string ('' for null), or undefined for collections. */
export function str(node: YNode | null | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  return node.value === null ? '' : String(node.value);
}

/** true for `true`, and the strings compose accepts as true. */
export function isTrue(node: YNode | null | undefined): boolean {
  const v = str(node);
  return v !== undefined && /^(true|yes|on|1)$/i.test(v.trim());
}

/** The range to report a value at: the key line for a mapping value, the item itself otherwise. */
export function rangeOf(node: YNode): SourceRange {
  return node.keyRange ?? node.range;
}

/** Plain JavaScript value of a node (as compose sees it after interpolation). */
export function toPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar': return node.value;
    case 'seq': return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries) out[k] = toPlain(v);
      return out;
    }
  }
}
