// What commands hand to a target's auditor (targets/<kind>/audit.ts).
import type { Rule } from './types.js';
import type { ResolvedConfig } from './config-types.js';

export interface AuditOptions {
  /** Paths in results are relative to this folder, POSIX-style. */
  cwd: string;
  config: ResolvedConfig;
  rules: readonly Rule[];
  /** Build context folder given with --context (default: the Dockerfile's folder). */
  contextDir?: string;
  /** false to skip the build-context audit. */
  auditContext?: boolean;
  /** Today's date, YYYY-MM-DD, for expiring ignores. */
  today: string;
}
