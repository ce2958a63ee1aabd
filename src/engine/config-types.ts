import type { Severity } from './types.js';

export interface RuleSetting {
  /** 'off' disables the rule. */
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

/** The configuration after layering defaults < file < TIGHTSHIP_* env < flags. */
export interface ResolvedConfig {
  /** By rule id; a rule the config does not name has no entry. */
  rules: Partial<Record<string, RuleSetting>>;
  /** Exit 1 when a finding is at or above this severity; 'none' never fails. */
  failOn: Severity | 'none';
  /** false with --no-inline-ignores. */
  inlineIgnores: boolean;
  /** Values for Dockerfile ARGs (--build-arg K=V). */
  buildArgs: Record<string, string>;
  /** Where the config came from, for messages; null when defaults only. */
  source: string | null;
  /** Path globs (relative to the config file's folder) that directory scans skip. */
  ignore?: string[];
  /** The `builds:` entries of the config file as written (validated against BUILDS_SCHEMA; paths
   *  relative to baseDir), read by the build map. */
  builds?: unknown[];
  /** Absolute folder of the config file the ignore globs are relative to. */
  baseDir?: string;
  /** policies: the built-in ones adjusted, and new ones (engine/policy.ts). */
  policies?: Record<string, import('./policy.js').PolicySetting>;
  /** policyPaths: path glob (relative to baseDir) → policy name, first match wins. */
  policyPaths?: Record<string, string>;
  /** A line for the user about how the config was read (a translated hadolint setup). */
  notice?: string;
}

export function defaultConfig(): ResolvedConfig {
  return { rules: {}, failOn: 'error', inlineIgnores: true, buildArgs: {}, source: null };
}
