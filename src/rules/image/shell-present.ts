import { defineRule } from '../../engine/types.js';
import { layerRef, resolvePath } from '../../targets/image/model.js';

const SHELLS = ['/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/bin/zsh', '/usr/bin/bash', '/usr/bin/sh', '/bin/busybox'];

export default defineRule({
  id: 'image/shell-present',
  target: 'image',
  title: 'The image has no shell (distroless)',
  severity: 'info',
  level: null,
  rationale: 'A shell is what most post-exploitation starts with; distroless images leave it out. It is a choice with a cost (no `docker exec sh` for debugging, exec-form CMD and HEALTHCHECK only), so this is information, not a defect.',
  remediation: 'Consider a distroless or scratch runtime stage; keep exec-form CMD/ENTRYPOINT and a HEALTHCHECK that needs no shell.',
  references: ['https://github.com/GoogleContainerTools/distroless'],
  equivalents: {},
  examples: { bad: 'file /bin/busybox mode=0755\nlink /bin/sh -> busybox', good: 'file /nodejs/bin/node mode=0755' },
  check(model, ctx) {
    for (const p of SHELLS) {
      const f = resolvePath(model, p);
      if (f && f.type !== 'dir') {
        ctx.report({ message: `the image has a shell: ${p}`, location: { imagePath: p, layer: layerRef(model, f.layer) } });
        return;
      }
    }
  },
});
