// The profile auditor: a loaded profile → the engine's pipeline → its result. Used by lint (a
// profile named by a compose file or daemon.json, or found by itself), host and verify.
import type { TargetResult } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import { audit } from '../../engine/pipeline.js';
import { catalogueOf } from '../dockerfile/audit.js';
import type { ProfileModel } from './model.js';

export function auditProfile(model: ProfileModel, opts: AuditOptions): TargetResult {
  const [result] = audit(model, {
    target: { kind: 'profile', path: model.path },
    path: model.path,
    rules: opts.rules.filter((r) => r.target === 'profile'),
    catalogue: catalogueOf(opts),
    config: opts.config,
    today: opts.today,
    facts: {
      profile: model.kind,
      ...(model.referencedBy ? { referencedBy: `${model.referencedBy.location.path}:${model.referencedBy.location.startLine} (${model.referencedBy.via})` } : {}),
      ...(model.seccomp ? { defaultAction: model.seccomp.defaultAction } : {}),
    },
  });
  return result!;
}
