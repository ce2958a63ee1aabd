// One model → one result through the engine's pipeline, with the rules of its kind: what the
// daemon, host and profile auditors share (a target whose input is one file or one host, whose
// result is not split into parts, and whose load problems are already on the model).
import type { TargetModels, TargetRef, TargetResult } from '../engine/types.js';
import type { AuditOptions } from '../engine/audit-types.js';
import { audit } from '../engine/pipeline.js';
import { catalogueOf } from './dockerfile/audit.js';

export function auditOneModel<K extends 'daemon' | 'host' | 'profile'>(kind: K, model: TargetModels[K], opts: AuditOptions, facts?: Record<string, unknown>): TargetResult {
  const target: TargetRef = { kind, path: model.path };
  // one target, no parts: the pipeline returns exactly one result
  const [result] = audit(model, {
    target,
    path: model.path,
    rules: opts.rules.filter((r) => r.target === kind),
    catalogue: catalogueOf(opts),
    config: opts.config,
    today: opts.today,
    ...(facts ? { facts } : {}),
  });
  return result;
}
