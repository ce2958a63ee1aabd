import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';

const CACHES: [RegExp, string, string][] = [
  [/^\/var\/lib\/apt\/lists\/(?!lock$|partial(\/|$)|auxfiles(\/|$))[^/]+$/, '/var/lib/apt/lists', 'apt package lists (rm -rf /var/lib/apt/lists/* in the same RUN)'],
  [/^\/var\/cache\/apt\/(archives\/)?[^/]+\.(deb|bin)$/, '/var/cache/apt', 'apt cache (apt-get clean)'],
  [/^\/var\/cache\/apk\/[^/.][^/]*$/, '/var/cache/apk', 'apk cache (apk add --no-cache)'],
  [/^\/(root|home\/[^/]+)\/\.cache\/pip\//, '~/.cache/pip', 'pip cache (pip install --no-cache-dir)'],
  [/^\/(root|home\/[^/]+)\/\.npm\/_cacache\//, '~/.npm/_cacache', 'npm cache (npm cache clean --force, or a cache mount)'],
  [/^\/(usr\/local\/share|root|home\/[^/]+)\/\.cache\/yarn\//, 'yarn cache', 'yarn cache (yarn cache clean)'],
  [/^\/var\/cache\/(yum|dnf)\/.+/, '/var/cache/yum|dnf', 'yum/dnf cache (yum clean all)'],
];

export default defineRule({
  id: 'image/package-cache',
  target: 'image',
  title: 'No package-manager caches or lists left in the image',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Package lists and download caches add size, go stale at once, and tell an attacker exactly what can be installed; a clean install removes them in the same layer.',
  remediation: 'Clean up in the same RUN: `apt-get install --no-install-recommends … && rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `pip install --no-cache-dir`, `npm ci && npm cache clean --force`, or use BuildKit cache mounts.',
  references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
  equivalents: { dockle: ['DKL-DI-0005', 'DKL-DI-0004'], hadolint: ['DL3009', 'DL3019', 'DL3042'] },
  examples: {
    bad: 'layer: RUN apt-get update && apt-get install -y curl\nfile /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease size=151000',
    good: 'layer: RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\ndir /var/lib/apt/lists',
  },
  check(model, ctx) {
    const found = new Map<string, { files: number; bytes: number; layer: number; what: string }>();
    for (const f of model.files) {
      if (f.deletedIn !== undefined || f.type !== 'file') continue;
      for (const [re, key, what] of CACHES) {
        if (!re.test(f.path)) continue;
        const g = found.get(key) ?? { files: 0, bytes: 0, layer: f.layer, what };
        g.files++;
        g.bytes += f.size;
        found.set(key, g);
        break;
      }
    }
    for (const [key, g] of found) {
      ctx.report({
        message: `${g.what.split(' (')[0]} left in the image: ${g.files} file${g.files > 1 ? 's' : ''}, ${(g.bytes / 1024).toFixed(0)} KiB under ${key} — ${g.what.includes('(') ? g.what.slice(g.what.indexOf('(') + 1, -1) : ''}`,
        location: { imagePath: key, layer: layerRef(model, g.layer) },
      });
    }
  },
});
