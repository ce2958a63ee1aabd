// Applying fixes: safe edits only, sorted, overlapping ones skipped, re-linted and repeated up
// to a bounded number of passes (ESLint's source-code fixer does the same).
import type { Edit, Finding } from './types.js';

export const MAX_FIX_PASSES = 10;

export interface AppliedFix {
  ruleId: string;
  description: string;
  line: number;
}

/** Applies the safe fixes of the findings to text. A fix whose edits overlap an edit already
 *  taken is skipped whole (the next pass re-lints and may apply it then). */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: AppliedFix[] } {
  return applyFixes(text, findings, { suggestions: false });
}

/** As applySafeFixes; with suggestions: true the suggested (unsafe) fixes are applied too, which
 *  only the rule tester does, to check that a suggestion's result lints clean. */
export function applyFixes(text: string, findings: readonly Finding[], opts: { suggestions: boolean }): { text: string; applied: AppliedFix[] } {
  const candidates = findings
    .filter((f) => f.fix && (f.fix.safe || opts.suggestions) && f.fix.edits.length > 0)
    .map((f) => ({ f, edits: [...f.fix!.edits].sort((a, b) => a.start - b.start || a.end - b.end) }))
    .sort((a, b) => a.edits[0]!.start - b.edits[0]!.start || cmp(a.f.ruleId, b.f.ruleId));
  const taken: Edit[] = [];
  const applied: AppliedFix[] = [];
  for (const { f, edits } of candidates) {
    if (edits.some((e) => e.start < 0 || e.end > text.length || e.end < e.start)) continue;
    if (edits.some((e, i) => i > 0 && e.start < edits[i - 1]!.end)) continue;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    applied.push({ ruleId: f.ruleId, description: f.fix!.description, line: f.location.startLine });
  }
  taken.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}

function overlaps(a: Edit, b: Edit): boolean {
  // two insertions at the same point conflict too: their order would be arbitrary
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lint, fix, re-lint until nothing more applies or MAX_FIX_PASSES. */
export async function fixUntilStable(
  text: string, lint: (text: string) => Promise<Finding[]>, maxPasses = MAX_FIX_PASSES,
): Promise<{ text: string; applied: AppliedFix[]; passes: number }> {
  let current = text;
  const applied: AppliedFix[] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const findings = await lint(current);
    const step = applySafeFixes(current, findings);
    if (step.applied.length === 0 || step.text === current) break;
    passes++;
    applied.push(...step.applied);
    current = step.text;
  }
  return { text: current, applied, passes };
}
