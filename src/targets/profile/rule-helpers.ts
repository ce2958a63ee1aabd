// Shared by the profile rules: where a finding about the profile as a whole goes.
import type { RuleContext } from '../../engine/types.js';
import type { ProfileModel } from './model.js';

/** Reports at the place that named the profile when there is one (a missing file has no lines),
 *  else at the top of the profile. */
export function reportAtReference(ctx: RuleContext<unknown>, model: ProfileModel, message: string): void {
  if (model.referencedBy) ctx.report({ message, location: model.referencedBy.location });
  else ctx.report({ message, location: { path: model.path } });
}

export function named(model: ProfileModel): string {
  return model.referencedBy ? ` (named by ${model.referencedBy.via} ${model.referencedBy.value})` : '';
}
