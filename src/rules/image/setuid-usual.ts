import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';
import { USUAL_SETUID } from './setuid-files.js';

export default defineRule({
  id: 'image/setuid-usual',
  target: 'image',
  title: 'The usual distribution setuid/setgid programs are listed',
  severity: 'info',
  level: null,
  rationale: 'su, passwd, mount, chsh, chfn, newgrp, gpasswd, umount and friends come setuid-root with every distribution base. They are a way back to root only when the container allows privilege gain: run with `--security-opt no-new-privileges` (or strip the bits) and they are inert. Listed for review; unexpected ones are image/setuid-files.',
  remediation: 'Run containers with `--security-opt no-new-privileges`, or strip the bits: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`, or use a distroless base.',
  references: ['CIS Docker Benchmark 4.8', 'CIS Docker Benchmark 5.25'],
  equivalents: { dockle: ['CIS-DI-0008'], cis: ['4.8'] },
  examples: { bad: 'file /usr/bin/su mode=4755', good: 'file /usr/bin/su mode=0755' },
  check(model, ctx) {
    for (const f of model.files) {
      if (f.deletedIn !== undefined || f.type !== 'file' || (f.mode & 0o6000) === 0) continue;
      if (!USUAL_SETUID.has(f.path.slice(f.path.lastIndexOf('/') + 1))) continue;
      const bits = [(f.mode & 0o4000) && 'setuid', (f.mode & 0o2000) && 'setgid'].filter(Boolean).join('+');
      ctx.report({
        message: `${f.path} is ${bits} (mode ${(f.mode & 0o7777).toString(8).padStart(4, '0')}, owner ${f.uid}:${f.gid}), a usual distribution program`,
        location: { imagePath: f.path, layer: layerRef(model, f.layer) },
      });
    }
  },
});
