// Helpers shared by the container rules.
import type { Probe } from '../../targets/container/model.js';
import type { ReportDescriptor } from '../../engine/types.js';

/** A probe that could not run is never a pass: the rule reports that it could not verify. */
export function unverified<T>(probe: Probe<T>, what: string, report: (d: ReportDescriptor) => void): probe is { ok: false; reason: string } {
  if (probe.ok) return false;
  report({ message: `could not verify ${what}: ${probe.reason}`, severity: 'warning', location: { field: 'probe' } });
  return true;
}

/** Shells that let a user log in interactively (anything but nologin/false/sync-style stubs). */
export function isLoginShell(shell: string | null): boolean {
  if (shell === null || shell === '') return true; // an empty shell field means /bin/sh to login(1)
  return !/(^|\/)(nologin|false|sync|shutdown|halt)$/.test(shell.trim());
}
