// Schema validators for the report tests: our JSON contract and the official SARIF schema.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import * as AjvModule from 'ajv';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type AjvCtor = new (opts: Record<string, unknown>) => { compile(schema: unknown): Validate };
const Ajv = ((AjvModule as unknown as { default: { default?: AjvCtor } & AjvCtor }).default.default
  ?? (AjvModule as unknown as { default: AjvCtor }).default);

function readSchema(rel: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;
}

/** Our JSON report's schema (schema/report.schema.json), compiled. */
export function reportValidator(): Validate {
  return new Ajv({ allErrors: true, strict: false }).compile(readSchema('schema/report.schema.json'));
}

export function loadReportValidator(): Promise<Validate> {
  return Promise.resolve(reportValidator());
}

/** The SARIF 2.1.0 schema as published by Microsoft in the npm package @microsoft/jest-sarif
 *  (lib/schemas/sarif-2.1.0-rtm.5.json), vendored in test/fixtures/sarif/. It is draft-04:
 *  its root `id` becomes `$id` and its `$schema` is dropped so ajv (draft-07) compiles it; the
 *  schema uses no draft-04-only keyword (no boolean exclusiveMinimum/Maximum). */
export function loadSarifValidator(): Promise<Validate> {
  const schema = readSchema('test/fixtures/sarif/sarif-2.1.0-rtm.5.json');
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // unicodeRegExp off: one pattern of the schema (language tags) is not valid with the u flag
  return Promise.resolve(new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema));
}

/** GitLab's Code Quality report format as a JSON schema (test/report/schemas/, written from
 *  GitLab's documentation of the format: GitLab publishes a table, not a schema file). */
export function loadGitlabValidator(): Promise<Validate> {
  const schema = readSchema('test/report/schemas/gitlab-codequality.schema.json');
  return Promise.resolve(new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema));
}
