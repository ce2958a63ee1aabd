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
  /** How the Dockerfile is built, from the build map (a guess, the CLI, the config, compose, …):
   *  the context folder (absolute), the stage, build args and why the context is this one.
   *  Takes precedence over contextDir. */
  build?: BuildInfo;
  /** One per run (lint): what the build-context audit found in each context folder's files, so
   *  Dockerfiles built from one folder (a monorepo's root) read and scan its files once. Opaque. */
  contextCache?: Map<string, unknown>;
  /** false to skip the build-context audit. */
  auditContext?: boolean;
  /** false: no ShellCheck over RUN bodies (--no-shellcheck); default: run it when installed. */
  shellcheck?: boolean;
  /** One per run (lint): ShellCheck's results for the run's Dockerfiles, checked before the
   *  audits in one process per batch (targets/dockerfile/shellcheck.ts). Opaque. */
  shellcheckCache?: Map<string, unknown>;
  /** lint --inspect-images: the load step reads the base images of a Dockerfile (their created
   *  time and size, and their repository's other tags) from the local engine. Off by default. */
  inspectImages?: boolean;
  /** One per run (lint): the Dockerfiles parsed before the audits (the build map's guesses), so
   *  an audit takes that parse of the same text instead of parsing again
   *  (targets/dockerfile/parse-memo.ts). Opaque. */
  parsed?: Map<string, unknown>;
  /** Today's date, YYYY-MM-DD, for expiring ignores. */
  today: string;
}

/** One build of a Dockerfile as the audit needs it. */
export interface BuildInfo {
  /** Absolute context folder. */
  contextDir: string;
  /** compose | bake | workflow | script | config | cli | guess */
  source: string;
  /** The stage built (`--target`). */
  target?: string;
  /** Build args the build sets (the run's own --build-arg values win). */
  args?: Record<string, string>;
  /** For a guessed context: why that folder. */
  reason?: string;
  /** Lines for the result's notes (e.g. the last stage is only built for tests). */
  notes?: string[];
}
