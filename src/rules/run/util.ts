// What the run rules share: the posture of each command, and where to report (a flag's word, or
// the engine word for a missing setting). Subject of the messages: "the container".
import type { RuleContext, Severity } from '../../engine/types.js';
import type { Place, RunCommand, RunModel } from '../../targets/run/model.js';
import { runPosture } from '../../targets/run/posture.js';
import type { PostureIssue, RuntimePosture } from '../posture.js';

export const WHO = 'the container';

export function reportAt(ctx: RuleContext<unknown>, cmd: RunCommand, at: Place, message: string, severity?: Severity, sensitive?: boolean): void {
  ctx.report({
    message,
    location: { path: cmd.file, startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
    ...(severity ? { severity } : {}),
    ...(sensitive ? { sensitive: true } : {}),
  });
}

/** Runs a posture check over every command; a missing setting is reported at the engine word. */
export function eachPosture(model: RunModel, ctx: RuleContext<unknown>, check: (p: RuntimePosture<Place>, cmd: RunCommand) => PostureIssue<Place>[]): void {
  for (const cmd of model.commands) {
    for (const issue of check(runPosture(cmd), cmd)) reportAt(ctx, cmd, issue.at ?? cmd.at, issue.message, issue.severity);
  }
}
