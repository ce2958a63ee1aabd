import { defineRule } from '../../engine/types.js';
import { layerRef, presentFiles } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/sudo-installed',
  target: 'image',
  title: 'sudo is not installed',
  severity: 'warning',
  level: 'hardened',
  rationale: 'sudo in a container is a setuid-root path back to root with unpredictable TTY and signal behaviour; a container should start as the user it needs.',
  remediation: 'Remove sudo; do privileged setup at build time as root, then switch with USER. For an entrypoint that must drop privileges use gosu or su-exec.',
  references: ['CIS Docker Benchmark 4.1', 'https://github.com/tianon/gosu'],
  equivalents: { dockle: ['DKL-DI-0001'], hadolint: ['DL3004'] },
  examples: { bad: 'layer: RUN apt-get install -y sudo\nfile /usr/bin/sudo mode=4755', good: 'layer: RUN apt-get install -y gosu\nfile /usr/sbin/gosu mode=0755' },
  check(model, ctx) {
    const files = presentFiles(model);
    for (const p of ['/usr/bin/sudo', '/bin/sudo', '/usr/local/bin/sudo', '/usr/bin/doas']) {
      const f = files.get(p);
      if (f) ctx.report({ message: `${p} is installed`, location: { imagePath: p, layer: layerRef(model, f.layer) } });
    }
  },
});
