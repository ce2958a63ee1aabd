// What rules ask about stages beyond the model's own facts (targets/dockerfile/facts.ts: stageChain,
// finalChain, isWindowsStage, shellAt): every instruction in force, the chain's root, its variables.
import type { DockerfileModel, Instruction, Stage } from '../../../targets/dockerfile/model.js';
import { once, stageChain } from '../../../targets/dockerfile/facts.js';

/** Every instruction in force in the stage, oldest first (base stages included); made once per
 *  stage (shared: read, never change). */
export function chainInstructions(model: DockerfileModel, stage: Stage): readonly Instruction[] {
  return once(stage, chainInstructions, () => stageChain(model, stage).flatMap((s) => s.instructions));
}

/** The stage whose chain starts from scratch (no base image), or whose root is scratch. */
export function chainRoot(model: DockerfileModel, stage: Stage): Stage {
  return stageChain(model, stage)[0] ?? stage;
}

/** ARG and ENV values in force at the end of a stage (ENV wins, as in the shell of a RUN). */
export function stageVars(model: DockerfileModel, stage: Stage): Record<string, string> {
  return { ...stage.args, ...stage.env };
}
