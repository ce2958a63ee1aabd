// Validation against the official compose-spec JSON schema (vendored in schema/compose-spec.json).
// The schema is compiled by ajv ahead of time into schema-validator.generated.ts (see
// scripts/compose-schema-codegen.ts): compiling it costs more than parsing the whole compose corpus, and a peer
// linter that recompiles it per file spends most of its time there. The generated module is
// loaded once per process, on the first compose file.
import type { ErrorObject } from 'ajv';
import { validate as generatedValidate } from './schema-validator.generated.js';
import type { Diagnostic, YNode } from './model.js';
import { rangeOf } from './model.js';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

let compiled: Validate | null = null;

function validator(): Validate {
  compiled ??= generatedValidate as Validate;
  return compiled;
}

/** Plain value for validation: a scalar whose variables are not all set keeps its `${VAR}` text,
 *  so an unset variable is reported once (as interpolation) and not again as a schema error. */
export function toSchemaPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar': return node.unresolved && node.raw !== undefined ? node.raw : node.value;
    case 'seq': return node.items.map(toSchemaPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries) out[k] = toSchemaPlain(v);
      return out;
    }
  }
}

const MAX_SCHEMA_FINDINGS = 25;

/** Schema violations of one file's tree, located at the offending key or value. */
export function validateCompose(root: YNode, file: string, plain: unknown = toSchemaPlain(root)): Diagnostic[] {
  const validate = validator();
  if (validate(plain)) return [];
  const errors = validate.errors ?? [];
  const out: Diagnostic[] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  // A oneOf/anyOf failure lists every branch's complaint; keep the errors of the deepest paths,
  // and at each path the most telling one.
  const all = [...byPath];
  const deepest = all.filter(([p]) => !all.some(([q, qList]) => q !== p && q.startsWith(`${p}/`) && !isCombinatorOnly(qList)));
  for (const [p, list] of deepest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const e = pick(list);
    const segments = p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: YNode = root;
    for (const s of segments) {
      const next: YNode | undefined = node.kind === 'map' ? node.entries.get(s) : node.kind === 'seq' ? node.items[Number(s)] : undefined;
      if (!next) break;
      node = next;
    }
    let target: YNode = node;
    let where = segments.join('.');
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const child = target.kind === 'map' ? target.entries.get(extra) : undefined;
      if (child) target = child;
      where = where ? `${where}.${extra}` : extra;
    }
    out.push({
      kind: 'schema', severity: 'error', file: target.file === file ? file : target.file,
      message: `compose schema: ${describe(e, where)}`,
      range: rangeOf(target),
      yamlPath: toYamlPath(segments, e),
    });
    if (out.length >= MAX_SCHEMA_FINDINGS) break;
  }
  return out;
}

function isCombinatorOnly(list: ErrorObject[]): boolean {
  return list.every((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
}

function pick(list: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject) => ['additionalProperties', 'required', 'enum', 'type', 'pattern', 'minimum', 'maximum', 'uniqueItems'].indexOf(e.keyword);
  return [...list].sort((a, b) => score(rank(a)) - score(rank(b)))[0];
}

function score(r: number): number {
  return r < 0 ? 99 : r;
}

function toYamlPath(segments: string[], e: ErrorObject): string {
  let s = '';
  for (const seg of segments) s += /^\d+$/.test(seg) ? `[${seg}]` : s ? `.${seg}` : seg;
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    s = s ? `${s}.${extra}` : extra;
  }
  return s;
}

function describe(e: ErrorObject, where: string): string {
  const at = where ? `"${where}"` : 'the top level';
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at} is not a compose key`;
    case 'required':
      return `${at} needs "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${at} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${at} must be ${(e.params as { type: string | string[] }).type.toString().replace(/,/g, ' or ')}`;
    case 'pattern':
      return `${at} does not match the pattern ${(e.params as { pattern: string }).pattern}`;
    case 'uniqueItems':
      return `${at} has duplicate items`;
    case 'oneOf':
    case 'anyOf':
      return `${at} has none of the allowed forms`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}
