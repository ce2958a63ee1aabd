import { defineRule } from '../../engine/types.js';
import { stageChain } from '../../targets/dockerfile/facts.js';
import { copyWords } from './util/copy.js';

/** true for a destination that does not depend on the working directory. */
function anchored(dest: string): boolean {
  return dest.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('$');
}

export default defineRule({
  id: 'dockerfile/copy-relative-destination',
  target: 'dockerfile',
  title: 'COPY to a relative destination before any WORKDIR',
  severity: 'warning',
  level: null,
  rationale:
    'A relative COPY destination is resolved against the working directory in force, and before the ' +
    'Dockerfile sets one that is whatever the base image chose: `/` for most images, `/usr/src/app` or ' +
    '`/home/node` for others, and it changes when the base image does. The files then land somewhere the ' +
    'rest of the Dockerfile (and the CMD) does not expect. A WORKDIR earlier in the stage, or in a stage it is ' +
    'built FROM, fixes the directory; an absolute destination (or one given by a variable) does not depend ' +
    'on it. COPY inside ONBUILD runs in a later build whose WORKDIR is not known here, and is not checked.',
  remediation: 'Set the directory first (`WORKDIR /app`, then `COPY package.json ./`) or write the destination in full (`COPY package.json /app/`).',
  references: ['https://docs.docker.com/reference/dockerfile/#copy', 'https://docs.docker.com/reference/dockerfile/#workdir'],
  equivalents: { hadolint: ['DL3045'] },
  examples: {
    bad: 'FROM node:22-bookworm-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    good: 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      let workdir = stageChain(model, stage).slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
      for (const instr of stage.instructions) {
        if (instr.keyword === 'WORKDIR') workdir = true;
        if (instr.keyword !== 'COPY' || workdir) continue;
        const words = copyWords(model, instr);
        const dest = words.at(-1);
        if (!dest || words.length < 2 || anchored(dest.value) || anchored(dest.written.replace(/^["']|["']$/g, ''))) continue;
        ctx.report({
          message: `COPY to the relative destination \`${dest.value}\` with no WORKDIR set: it depends on the base image's working directory; set WORKDIR first or use an absolute path`,
          range: dest.range,
        });
      }
    }
  },
});
