import { defineRule } from '../../engine/types.js';
import { shorten } from '../../targets/image/model.js';

const ADD_URL = /(?:^|#\(nop\)\s*|\s)ADD\s+(?:--[a-z-]+(?:=\S+)?\s+)*(?:https?|ftp):\/\//i;

export default defineRule({
  id: 'image/add-url-in-history',
  target: 'image',
  title: 'No ADD of a remote URL in the image history',
  severity: 'warning',
  level: 'hardened',
  rationale: 'ADD <url> downloads at build time without a checksum (unless --checksum is given): what the image holds depends on what the server answered that day.',
  remediation: 'Download with curl or wget in a RUN, verify a pinned sha256 (or use `ADD --checksum=sha256:…`), and prefer COPY for local files.',
  references: ['CIS Docker Benchmark 4.9', 'https://docs.docker.com/reference/dockerfile/#add'],
  equivalents: { dockle: ['CIS-DI-0009'], hadolint: ['DL3020'], trivy: ['DS005'], cis: ['4.9'] },
  examples: {
    bad: 'layer: ADD https://example.com/tool.tar.gz /opt/ # buildkit',
    good: 'layer: ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/ # buildkit',
  },
  check(model, ctx) {
    model.history.forEach((h, i) => {
      if (ADD_URL.test(h.createdBy) && !/--checksum=/.test(h.createdBy)) {
        ctx.report({
          message: `history entry ${i} adds a remote URL without a checksum: ${shorten(h.createdBy, 100)}`,
          location: { field: `history[${i}].created_by`, ...(h.layerIndex !== undefined ? { layer: { index: h.layerIndex, createdBy: shorten(h.createdBy) } } : {}) },
        });
      }
    });
  },
});
