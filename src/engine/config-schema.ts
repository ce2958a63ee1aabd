// The JSON Schema of .tightship.yaml. The engine validates with the base schema; the published
// schema (schema/tightship.schema.json, for editors) adds one property per rule, generated from
// the catalogue by `npm run docs`.
import type { CatalogueEntry } from './catalogue.js';

const SEVERITY_OR_OFF = ['off', 'error', 'warning', 'info'];

export const TOP_LEVEL_KEYS = ['$schema', 'failOn', 'inlineIgnores', 'buildArgs', 'ignore', 'builds', 'rules', 'policies', 'policyPaths'] as const;

/** The `builds:` key: how the project builds its images, for builds the build map cannot read
 *  from compose, bake, CI or scripts (targets/project/build-map.ts reads the entries). */
export const BUILDS_SCHEMA = {
  type: 'array',
  description: 'How the project builds its images, when the build map cannot read it from compose, bake, CI or scripts. Paths are relative to the config file.',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['dockerfile'],
    properties: {
      dockerfile: { type: 'string', minLength: 1, description: 'The Dockerfile' },
      context: { type: 'string', minLength: 1, description: "The build context folder (default: the config file's folder)" },
      target: { type: 'string', minLength: 1, description: 'The stage built (--target)' },
      args: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'Build args' },
      contexts: { type: 'object', additionalProperties: { type: 'string' }, description: 'Named contexts (--build-context NAME=PATH)' },
    },
  },
} as const;

/** The keys of a policy and of its scan gate (for did-you-mean). */
export const POLICY_KEYS = ['level', 'scan'] as const;
export const SCAN_GATE_KEYS = ['maxAgeDays', 'failOn', 'requireFix'] as const;

function ruleSetting(options?: Record<string, unknown>): Record<string, unknown> {
  return {
    oneOf: [
      { enum: SEVERITY_OR_OFF, description: "'off' disables the rule; a severity overrides its default" },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          severity: { enum: SEVERITY_OR_OFF },
          options: options ?? { type: 'object' },
        },
      },
    ],
  };
}

export function baseConfigSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://tightship.dev/schema/tightship.schema.json',
    title: 'tightship configuration (.tightship.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      failOn: {
        enum: ['error', 'warning', 'info', 'none'],
        description: 'Exit 1 when a finding is at or above this severity (default error); none never fails.',
      },
      inlineIgnores: {
        type: 'boolean',
        description: 'Honour `# tightship ignore=…` and `# hadolint ignore=…` comments (default true).',
      },
      buildArgs: {
        type: 'object',
        additionalProperties: { type: ['string', 'number', 'boolean'] },
        description: 'Values for Dockerfile ARGs, like --build-arg K=V.',
      },
      ignore: {
        type: 'array',
        items: { type: 'string' },
        description: 'Path globs, relative to this file, that directory scans skip (e.g. vendor/**).',
      },
      builds: BUILDS_SCHEMA,
      rules: {
        type: 'object',
        description: 'Per-rule severity override, off, or options.',
        propertyNames: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$' },
        additionalProperties: ruleSetting(),
      },
      ...policySchema(),
    },
  };
}

/** policies: (the level and scan gate of an environment) and policyPaths: (path glob → policy). */
function policySchema(): Record<string, unknown> {
  return {
    policies: {
      type: 'object',
      description: 'Policies by environment: adjust the built-in dev, staging, prod, regulated or define new ones (used with --policy NAME and policyPaths).',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          level: { enum: ['nonroot', 'hardened'], description: 'The level every target under this policy must reach.' },
          scan: {
            description: 'Require a vulnerability scan report (--scan-report) for every image: true (the default gate), the gate\'s settings, or false (no scan required).',
            type: ['object', 'boolean'],
            additionalProperties: false,
            properties: {
              maxAgeDays: { type: 'number', minimum: 0, description: 'A report older than this is stale (default 7).' },
              failOn: { type: 'array', items: { enum: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] }, description: 'Blocking severities (default HIGH, CRITICAL).' },
              requireFix: { type: 'boolean', description: 'Only a vulnerability with a fix available blocks (default true).' },
            },
          },
        },
      },
    },
    policyPaths: {
      type: 'object',
      description: 'Path globs (relative to this file) → the policy their targets are held to, first match wins (e.g. "deploy/prod/**": prod).',
      additionalProperties: { type: 'string' },
    },
  };
}

/** The published schema: the base schema with every known rule id and its options schema. */
export function publishedConfigSchema(rules: readonly CatalogueEntry[]): Record<string, unknown> {
  const schema = baseConfigSchema();
  const ruleProps: Record<string, unknown> = {};
  for (const r of rules) {
    const setting = ruleSetting(r.options?.schema);
    ruleProps[r.id] = { description: r.title, ...setting };
  }
  const rulesSchema = (schema.properties as Record<string, Record<string, unknown>>).rules;
  rulesSchema.properties = ruleProps;
  rulesSchema.additionalProperties = false;
  return schema;
}
