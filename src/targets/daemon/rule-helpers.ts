// Shared by the daemon rules: locating a finding on its key, or on the file when the key is absent.
import type { RuleContext } from '../../engine/types.js';
import type { DaemonModel, DaemonSetting } from './model.js';

export function reportSetting(ctx: RuleContext<unknown>, s: DaemonSetting, message: string): void {
  ctx.report({ message: s.flag ? `${message} (dockerd flag ${s.flag})` : message, range: s.keyRange, location: { path: s.path } });
}

/** A key that should be there and is not: the finding sits on the file's first line. */
export function reportMissing(ctx: RuleContext<unknown>, model: DaemonModel, message: string): void {
  ctx.report({ message, location: { path: model.path } });
}

/** Whether the model could be read at all (rules about absent keys say nothing of a broken file). */
export function readable(model: DaemonModel): boolean {
  return model.problems.length === 0;
}

export function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

export function isFalse(v: unknown): boolean {
  return v === false || v === 'false';
}
