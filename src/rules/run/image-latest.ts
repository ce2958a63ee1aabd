import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { imageTagProblem } from '../posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/image-latest',
  target: 'run',
  title: "Images are pinned to a version tag",
  severity: 'warning',
  level: null,
  rationale: "An untagged image is `:latest`: what runs changes under the same command line, a rebuild or a new host pulls something else, and a rollback has nothing to go back to.",
  remediation: "Name a version tag (`nginx:1.27`), better a digest (`nginx:1.27@sha256:\u2026`).",
  references: ["https://docs.docker.com/reference/cli/docker/image/tag/"],
  equivalents: {},
  examples: { bad: "docker run nginx\n", good: "docker run nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const img = runPosture(cmd).image; if (!img || img.unresolved) continue; const t = imageTagProblem(img.value); if (t === 'untagged') reportAt(ctx, cmd, img.at, `the container runs the untagged image ${img.value} (that is :latest)`); else if (t === 'latest') reportAt(ctx, cmd, img.at, `the container runs ${img.value}`); }
  },
});
