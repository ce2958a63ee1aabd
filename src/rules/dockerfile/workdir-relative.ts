import { defineRule } from '../../engine/types.js';
import { hasUnresolved } from './util/values.js';

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
}

export default defineRule({
  id: 'dockerfile/workdir-relative',
  target: 'dockerfile',
  title: 'Relative WORKDIR without an absolute one before it',
  severity: 'warning',
  level: null,
  rationale:
    'A relative WORKDIR is resolved against the working directory of the base image, which the Dockerfile ' +
    'does not control: when the base image changes its WORKDIR, files land somewhere else and CMD paths break. ' +
    'After an absolute WORKDIR in the same stage (or the stages it is built FROM) a relative one is ' +
    'well-defined and not flagged, as BuildKit does. Paths are checked after ARG/ENV substitution.',
  remediation: 'Use an absolute path: `WORKDIR /app`.',
  references: [
    'https://docs.docker.com/reference/dockerfile/#workdir',
    'https://docs.docker.com/reference/build-checks/workdir-relative-path/',
  ],
  equivalents: {
    hadolint: ['DL3000'],
    trivy: ['DS-0009'],
    checkov: ['CKV_DOCKER_10'],
    kics: ['WORKDIR Path Not Absolute'],
    buildkit: ['WorkdirRelativePath'],
  },
  examples: {
    bad: 'FROM node:22\nWORKDIR app\nCOPY . .\n',
    good: 'FROM node:22\nWORKDIR /app\nCOPY . .\n',
  },
  check(model, ctx) {
    // whether an absolute WORKDIR is in force at the end of each stage (a base stage comes earlier)
    const anchoredAtEnd: boolean[] = [];
    for (const stage of model.stages) {
      let anchored = stage.baseStage !== null && anchoredAtEnd[stage.baseStage];
      anchoredAtEnd[stage.index] = anchored || stage.instructions.some((i) =>
        i.keyword === 'WORKDIR' && isAbsolute(i.expanded.trim().replace(/^["']|["']$/g, '')));
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'WORKDIR') continue;
        const path = instr.expanded.trim().replace(/^["']|["']$/g, '');
        if (!path || hasUnresolved(path)) continue;
        if (isAbsolute(path)) { anchored = true; continue; }
        if (anchored) continue;
        const shown = instr.args.trim() !== path ? `${instr.args.trim()} (= ${path})` : path;
        ctx.report({
          message: `WORKDIR ${shown} is relative to the base image's working directory; use an absolute path.`,
          range: instr.argsRange,
        });
      }
    }
  },
});
