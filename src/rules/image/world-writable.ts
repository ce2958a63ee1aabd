import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/world-writable',
  target: 'image',
  title: 'No world-writable files or directories without the sticky bit',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A world-writable file can be changed by any user in the container (including the unprivileged app user after a compromise); a world-writable directory without the sticky bit lets any user replace files others own.',
  remediation: 'Fix the modes in the Dockerfile (`COPY --chmod=`, `chmod o-w`); directories shared by several users need the sticky bit (1777, like /tmp).',
  references: ['CIS Docker Benchmark 4.8'],
  equivalents: { cis: ['4.8'] },
  examples: { bad: 'dir /app/uploads mode=0777', good: 'dir /tmp mode=1777\ndir /app/uploads mode=0750 uid=10001' },
  check(model, ctx) {
    for (const f of model.files) {
      if (f.deletedIn !== undefined || (f.mode & 0o002) === 0) continue;
      if (f.type === 'symlink' || f.type === 'char' || f.type === 'block' || f.type === 'fifo') continue;
      if (f.type === 'dir' && (f.mode & 0o1000)) continue;
      if (f.path.startsWith('/proc/') || f.path.startsWith('/sys/') || f.path.startsWith('/dev/')) continue;
      const what = f.type === 'dir' ? 'directory without the sticky bit' : 'file';
      ctx.report({
        message: `${f.path} is a world-writable ${what} (mode ${(f.mode & 0o7777).toString(8).padStart(4, '0')})`,
        location: { imagePath: f.path, layer: layerRef(model, f.layer) },
      });
    }
  },
});
