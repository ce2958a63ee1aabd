// The JSON report (src/report/json.ts, schema/report.schema.json) as tests read it: parsed,
// checked against the schema, then typed. A report that does not match the schema fails the
// test at the parse, with the schema's complaint, instead of at some property read later.
import type { Fix, Level, Location, Severity, TargetRef } from '../../src/engine/types.js';
import { reportValidator } from '../report/validators.js';

interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
  title?: string;
  related?: { message: string; location: Location }[];
  fix?: Fix;
  sensitive?: boolean;
  code?: string;
}

export interface ReportResult {
  target: TargetRef;
  level: Level | null;
  levelReason?: string | null;
  nextLevel: Level | null;
  missingForNextLevel: string[];
  acceptedRisks?: { ruleId: string; reason: string; location: Location }[];
  error?: string;
  facts?: Record<string, unknown>;
  notes?: unknown[];
  findings: ReportFinding[];
}

interface ReportShortfall {
  target: TargetRef;
  policy: string;
  requiredLevel: Level;
  level: Level | null;
  reason: string;
  missing: string[];
}

export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  results: ReportResult[];
  summary: { targets: number; errors: number; warnings: number; infos: number; targetErrors: number; levels: Record<string, number> };
  policy?: { name: string | null; requiredLevel: Level | null; pass: boolean; checked: number; shortfalls: ReportShortfall[] };
  builds?: unknown[];
  buildNotes?: unknown[];
  skipped?: { path: string; reason: string }[];
  fixed?: { path: string; fixes: unknown[] }[];
}

let validate: ReturnType<typeof reportValidator> | undefined;

/** The report printed by `--format json`, checked against its schema. */
export function readReport(text: string): JsonReport {
  validate ??= reportValidator();
  const data: unknown = JSON.parse(text);
  if (!validate(data)) throw new Error(`not a JSON report of the schema: ${JSON.stringify(validate.errors)}`);
  // checked against schema/report.schema.json just above
  return data as JsonReport;
}
