import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';

/** setuid/setgid programs every distribution ships: image/setuid-usual lists them. */
export const USUAL_SETUID = new Set([
  'su', 'passwd', 'chsh', 'chfn', 'newgrp', 'gpasswd', 'mount', 'umount', 'expiry', 'chage', 'unix_chkpwd',
  'pam_extrausers_chkpwd', 'wall', 'write', 'ssh-agent', 'crontab', 'ping', 'ping6', 'fusermount', 'fusermount3',
]);

export default defineRule({
  id: 'image/setuid-files',
  target: 'image',
  title: 'No setuid or setgid files beyond the usual distribution set',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A setuid-root program is a way back to root for any process in the container; a hardened image has none, or drops them with `--security-opt no-new-privileges`. The usual distribution set (su, passwd, mount…) is listed by image/setuid-usual at info level; anything else is a warning here.',
  remediation: 'Strip the bits in the Dockerfile: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`, or use a distroless/minimal base.',
  references: ['CIS Docker Benchmark 4.8', 'https://docs.docker.com/engine/security/'],
  equivalents: { dockle: ['CIS-DI-0008'], cis: ['4.8'] },
  examples: { bad: 'file /usr/local/bin/helper mode=4755', good: 'file /usr/local/bin/helper mode=0755' },
  check(model, ctx) {
    for (const f of model.files) {
      if (f.deletedIn !== undefined || f.type !== 'file' || (f.mode & 0o6000) === 0) continue;
      const bits = [(f.mode & 0o4000) && 'setuid', (f.mode & 0o2000) && 'setgid'].filter(Boolean).join('+');
      if (USUAL_SETUID.has(f.path.slice(f.path.lastIndexOf('/') + 1))) continue;
      ctx.report({
        message: `${f.path} is ${bits} (mode ${(f.mode & 0o7777).toString(8).padStart(4, '0')}, owner ${f.uid}:${f.gid})`,
        location: { imagePath: f.path, layer: layerRef(model, f.layer) },
      });
    }
  },
});
