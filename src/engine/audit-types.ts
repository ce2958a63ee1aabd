// What commands hand to a target's auditor (targets/<kind>/audit.ts).
import type { Rule } from './types.js';
import type { CatalogueEntry } from './catalogue.js';
import type { ResolvedConfig } from './config-types.js';

export interface AuditOptions {
  /** Paths in results are relative to this folder, POSIX-style. */
  cwd: string;
  config: ResolvedConfig;
  rules: readonly Rule[];
  /** Every id ignore comments may name and grading reads (default: the rules given plus the
   *  engine's own). */
  catalogue?: readonly CatalogueEntry[];
  /** Build context folder given with --context (default: the Dockerfile's folder). */
  contextDir?: string;
  /** false to skip the build-context audit. */
  auditContext?: boolean;
  /** Today's date, YYYY-MM-DD, for expiring ignores. */
  today: string;
}
