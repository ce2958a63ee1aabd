// A sensitive host path is bind-mounted.
import { defineRule } from '../../engine/types.js';

const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/root', '/sys', '/usr', '/var/lib/docker', '/var/run', '/run'];

export default defineRule({
  id: 'container/sensitive-host-mount',
  target: 'container',
  title: 'No sensitive host directory is mounted',
  severity: 'error',
  level: 'hardened',
  rationale: 'Mounting host system directories (/, /etc, /proc, /sys, /dev, /var/lib/docker, …) gives the container the host\'s configuration, secrets and devices; written to, they take over the host.',
  remediation: 'Mount only application data directories, read-only where possible.',
  references: ['CIS Docker 5.5'],
  equivalents: { cis: ['5.5'], kics: ['Sensitive Host Directory Mounted'] },
  examples: { bad: '{"hostConfig":{"mounts":[{"type":"bind","source":"/etc","destination":"/host-etc","readOnly":false}]}}', good: '{"hostConfig":{"mounts":[{"type":"bind","source":"/srv/app-data","destination":"/data","readOnly":false}]}}' },
  check(model, ctx) {
    for (const m of model.hostConfig.mounts) {
      if (m.type !== 'bind') continue;
      const src = m.source.replace(/\/+$/, '') || '/';
      if (/\.sock$/.test(src)) continue; // the socket rule says it better
      const hit = SENSITIVE.find((s) => src === s || (s !== '/' && src.startsWith(`${s}/`) && s !== '/run' && s !== '/var/run'));
      if (hit) ctx.report({ message: `host path ${m.source} is mounted at ${m.destination} ${m.readOnly ? 'read-only' : 'read-write'}`, severity: m.readOnly ? 'warning' : undefined, location: { field: 'Mounts', imagePath: m.destination } });
    }
  },
});
