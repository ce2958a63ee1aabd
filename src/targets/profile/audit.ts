// The profile auditor: a loaded profile → the engine's pipeline → its result. Used by lint (a
// profile named by a compose file or daemon.json, or found by itself), host and verify.
import type { TargetResult } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import { auditOneModel } from '../audit-model.js';
import type { ProfileModel } from './model.js';

export function auditProfile(model: ProfileModel, opts: AuditOptions): TargetResult {
  return auditOneModel('profile', model, opts, {
    profile: model.kind,
    ...(model.referencedBy ? { referencedBy: `${model.referencedBy.location.path}:${model.referencedBy.location.startLine} (${model.referencedBy.via})` } : {}),
    ...(model.seccomp ? { defaultAction: model.seccomp.defaultAction } : {}),
  });
}
