import { defineRule } from '../../engine/types.js';
import { shorten } from '../../targets/image/model.js';

const PIPE_TO_SHELL = /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+(-\S+\s+)*)?(\/usr)?(\/bin\/)?(ba|da|z|k|a)?sh\b/;

export default defineRule({
  id: 'image/curl-pipe-shell',
  target: 'image',
  title: 'No download piped into a shell in the image history',
  severity: 'warning',
  level: 'hardened',
  rationale: '`curl … | sh` runs whatever the server sends, unverified, as the build user (often root); the history shows the image was built that way.',
  remediation: 'Download to a file, verify a pinned checksum or signature (`sha256sum -c`, `gpg --verify`), then run it.',
  references: ['https://docs.docker.com/build/building/best-practices/#run'],
  equivalents: {},
  examples: {
    bad: 'layer: RUN curl -fsSL https://get.example.com | sh',
    good: 'layer: RUN curl -fsSLo /tmp/i.sh https://get.example.com && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/i.sh" | sha256sum -c && sh /tmp/i.sh',
  },
  check(model, ctx) {
    model.history.forEach((h, i) => {
      if (PIPE_TO_SHELL.test(h.createdBy)) {
        ctx.report({
          message: `history entry ${i} pipes a download into a shell: ${shorten(h.createdBy, 100)}`,
          location: { field: `history[${i}].created_by`, ...(h.layerIndex !== undefined ? { layer: { index: h.layerIndex, createdBy: shorten(h.createdBy) } } : {}) },
        });
      }
    });
  },
});
