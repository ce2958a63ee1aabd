import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';

/** Names that have no place in a shipped image, and what they are. */
const UNWANTED: Record<string, { what: string; severity: 'warning' | 'info' }> = {
  '.git': { what: 'a Git repository (the whole history, remotes, perhaps credentials in .git/config)', severity: 'warning' },
  '.env': { what: 'an environment file', severity: 'warning' },
  '.aws': { what: 'AWS CLI configuration and credentials', severity: 'warning' },
  '.ssh': { what: 'SSH configuration and keys', severity: 'warning' },
  '.docker': { what: 'Docker client configuration (registry logins)', severity: 'warning' },
  '.kube': { what: 'Kubernetes client configuration', severity: 'warning' },
  '.npm': { what: 'the npm download cache', severity: 'info' },
  '.cache': { what: 'a cache directory (pip, Go, yarn…)', severity: 'info' },
  '.DS_Store': { what: 'macOS Finder metadata', severity: 'info' },
};

/** Package trees whose own dot files belong to the packages, not to the image author. */
const VENDOR = /^\/(usr|lib|lib64|proc|sys|dev|etc\/skel)\/|\/(node_modules|site-packages|dist-packages|vendor|go\/pkg\/mod)\//;

export default defineRule({
  id: 'image/unwanted-files',
  target: 'image',
  title: 'The image holds .git, .env, .aws, .cache, .npm or other files that belong outside it',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice ".dockerignore: send only what the image needs": the course lists .git, caches, environment ' +
    'files and cloud credentials among what must never reach an image. Once in a layer they ship to everyone who ' +
    'pulls it: a .git directory gives the source history and often a token in a remote URL, .aws and .env hold ' +
    'credentials, and caches (.npm, .cache) only add size. This is the image-side twin of ' +
    'context/unwanted-files-copied: it sees what reached the image by any path (COPY, a RUN that cloned a ' +
    'repository, an install that left its cache). Credentials and caches are warnings, editor and cache leftovers ' +
    'info; package trees (/usr, node_modules, site-packages) are not judged.',
  remediation:
    'Add the names to .dockerignore (`.git`, `.env*`, `**/.cache`, `.aws`), clone with `--depth 1` and remove .git in ' +
    'the same RUN (or better, copy only the build output from a build stage), and install with `npm ci --cache ' +
    '/tmp/npm && rm -rf /tmp/npm` or `pip install --no-cache-dir`.',
  references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0003', 'https://docs.docker.com/build/concepts/context/#dockerignore-files'],
  equivalents: { dockle: ['DKL-LI-0003'] },
  examples: {
    bad: 'user: 10001\nfile /app/server.js << x\ndir /app/.git\nfile /app/.git/HEAD << ref: refs/heads/main',
    good: 'user: 10001\nfile /app/server.js << x',
  },
  check(model, ctx) {
    const reported: string[] = [];
    for (const f of model.files) {
      if (f.deletedIn !== undefined || VENDOR.test(f.path)) continue;
      const base = f.path.slice(f.path.lastIndexOf('/') + 1);
      const kind = Object.prototype.hasOwnProperty.call(UNWANTED, base) ? UNWANTED[base] : undefined;
      if (!kind) continue;
      if (reported.some((r) => f.path.startsWith(`${r}/`))) continue;
      reported.push(f.path);
      ctx.report({
        message: `${f.path} is ${kind.what}; it ships in layer ${f.layer} of the image`,
        severity: kind.severity,
        location: { imagePath: f.path, layer: layerRef(model, f.layer) },
      });
    }
  },
});
