// The daemon auditor: daemon.json (and the dockerd command line on a live host) → the engine's
// pipeline → one result; a seccomp profile file it names is audited as a profile result beside it.
import * as path from 'node:path';
import type { TargetResult } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import { auditOneModel } from '../audit-model.js';
import { isLoadError } from '../../engine/target.js';
import { relativePath } from '../dockerfile/audit.js';
import type { DaemonModel } from './model.js';
import { setting } from './model.js';
import { daemonTarget } from './target.js';

export function auditDaemonModel(model: DaemonModel, opts: AuditOptions, facts?: Record<string, unknown>): TargetResult {
  return auditOneModel('daemon', model, opts, facts);
}

/** The seccomp profile file a daemon configuration names, as an absolute path (relative paths
 *  against `baseDir`), with where it is named; null when it names none or a built-in. */
export function daemonSeccompProfile(model: DaemonModel, baseDir: string): { abs: string; value: string; location: import('../../engine/types.js').Location } | null {
  const s = setting(model, 'seccomp-profile');
  if (!s || typeof s.value !== 'string') return null;
  const v = s.value.trim();
  if (v === '' || v === 'unconfined' || v === 'builtin') return null;
  return {
    abs: path.resolve(baseDir, v),
    value: v,
    location: { path: s.path, startLine: s.keyRange.start.line, startColumn: s.keyRange.start.column, endLine: s.keyRange.end.line, endColumn: s.keyRange.end.column },
  };
}

/** lint: one daemon.json file → its result, and its seccomp profile's when it names one that is
 *  in the repository (an absolute path names the host's file, not the repository's: skipped). */
export async function auditDaemonFile(abs: string, opts: AuditOptions): Promise<TargetResult[]> {
  const rel = relativePath(opts.cwd, abs);
  const loaded = await daemonTarget.load({} as never, abs, { cwd: opts.cwd, config: opts.config });
  if (isLoadError(loaded)) return [{ target: { kind: 'daemon', path: rel }, level: null, missingForNextLevel: [], findings: [], error: loaded.loadError }];
  const model = loaded as DaemonModel;
  const results = [auditDaemonModel(model, opts)];
  const named = daemonSeccompProfile(model, path.dirname(abs));
  if (named && !path.isAbsolute(named.value)) {
    const { loadSeccompProfile } = await import('../profile/load.js');
    const { auditProfile } = await import('../profile/audit.js');
    results.push(auditProfile(loadSeccompProfile(named.abs, opts.cwd, { via: 'daemon.json seccomp-profile', value: named.value, location: named.location }), opts));
  }
  return results;
}
