// The images a build pulls: FROM bases and the images named by COPY --from / RUN --mount=from=.
import type { SourceRange } from '../../../engine/types.js';
import type { DockerfileModel, Flag, ImageRef, Instruction } from '../../../targets/dockerfile/model.js';
import { parseImageRef } from '../../../targets/dockerfile/image-ref.js';
import { fromImageRange } from './ranges.js';
import { once } from '../../../targets/dockerfile/facts.js';
import { stageVars } from './stages.js';
import { expandVars, hasUnresolved } from './values.js';

/** The stage or image references of an instruction: COPY/ADD --from, RUN --mount=…,from=… */
export function fromReferences(instr: Instruction): { flag: Flag; value: string }[] {
  const out: { flag: Flag; value: string }[] = [];
  for (const flag of instr.flags) {
    if (!flag.value) continue;
    if (flag.name === 'from' && (instr.keyword === 'COPY' || instr.keyword === 'ADD')) out.push({ flag, value: flag.value });
    if (flag.name === 'mount' && instr.keyword === 'RUN') {
      const from = flag.value.split(',').map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('from='));
      if (from) out.push({ flag, value: from.slice(5) });
    }
  }
  return out;
}

/** true for a --from value that can only be an image (registry, path, tag or digest). */
export function looksLikeImage(value: string): boolean {
  return /[/:@.]/.test(value);
}

export interface ImageInput {
  /** 'FROM' or the instruction that names the image (COPY --from, RUN --mount). */
  via: string;
  written: string;
  resolved: string;
  ref: ImageRef;
  range: SourceRange;
}

/** Every image the build pulls, with ARGs resolved; stages, scratch and unresolved names are left
 *  out. Made once per model (shared: read, never change). */
export function imageInputs(model: DockerfileModel): readonly ImageInput[] {
  return once(model, imageInputs, () => inputsOf(model));
}

function inputsOf(model: DockerfileModel): ImageInput[] {
  const out: ImageInput[] = [];
  const stageNames = new Set(model.stages.map((s) => s.name).filter((n): n is string => !!n));
  for (const stage of model.stages) {
    if (stage.baseStage === null && !stage.isScratch && !stage.unresolved && stage.ref) {
      out.push({ via: 'FROM', written: stage.image, resolved: stage.resolvedImage, ref: stage.ref, range: fromImageRange(model, stage) });
    }
    const vars = stageVars(model, stage);
    for (const instr of stage.instructions) {
      for (const { flag, value: written } of fromReferences(instr)) {
        const resolved = expandVars(written, vars).trim();
        if (!resolved || hasUnresolved(resolved) || /^\d+$/.test(resolved) || stageNames.has(resolved.toLowerCase())) continue;
        if (!looksLikeImage(resolved)) continue;
        const ref = parseImageRef(resolved);
        if (!ref) continue;
        out.push({ via: instr.keyword === 'RUN' ? 'RUN --mount' : `${instr.keyword} --from`, written, resolved, ref, range: flag.range });
      }
    }
  }
  return out;
}
