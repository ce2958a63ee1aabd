import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';

const SEVERITY = { 'unsafe-path': 'error', 'symlink-outside': 'warning', 'hardlink-missing': 'error', 'device-file': 'warning', 'content-too-large': 'info' } as const;

export default defineRule({
  id: 'image/unsafe-layer-entry',
  target: 'image',
  title: 'Layer entries stay inside the image root',
  severity: 'error',
  level: null,
  rationale: 'Tar entries named with `..` or an absolute path, symlinks climbing above the root, hard links to files that do not exist and device nodes are how crafted layers attack the tools that unpack them (path traversal on the host). A normal build never makes them.',
  remediation: 'Do not use the image; rebuild it from its Dockerfile with a normal builder. tightship never extracts layers, so nothing was written.',
  references: ['https://github.com/opencontainers/image-spec/blob/main/layer.md', 'CVE-2019-14271'],
  equivalents: {},
  examples: { bad: 'entry ../../etc/cron.d/evil', good: 'file /etc/cron.d/job' },
  check(model, ctx) {
    for (const p of model.problems) {
      ctx.report({
        message: `layer ${p.layer}: ${p.path}: ${p.detail}`,
        location: { imagePath: p.path.startsWith('/') ? p.path : `/${p.path}`, layer: layerRef(model, p.layer) },
        severity: SEVERITY[p.kind],
      });
    }
  },
});
