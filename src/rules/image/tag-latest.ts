import { defineRule } from '../../engine/types.js';

/** The tag of an image name (`repo:tag`, `host:5000/repo:tag`, `repo@sha256:…`): null when there is none. */
function tagOf(name: string): { tag: string | null; digest: boolean } {
  const at = name.indexOf('@');
  const bare = at < 0 ? name : name.slice(0, at);
  const slash = bare.lastIndexOf('/');
  const colon = bare.lastIndexOf(':');
  return { tag: colon > slash ? bare.slice(colon + 1) : null, digest: at >= 0 };
}

export default defineRule({
  id: 'image/tag-latest',
  target: 'image',
  title: 'The audited image is tagged latest, or has no tag',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "tag images with versions": `latest` is only the default name of the last build that did not ' +
    'name a version, not the newest release. An image shipped as `app:latest` (or with no tag, which means latest) ' +
    'cannot be traced to a commit, rolled back to a known build, or matched against a scan report: the next build ' +
    'silently takes its name. A digest pins the image whatever the tag. An image audited from a file without a ' +
    'name (docker save of an ID) is not judged.',
  remediation: 'Tag each build with its version or commit (`docker build -t app:1.4.2 -t app:git-3f9c2d1 .`) and deploy that tag, or the digest.',
  references: ['https://docs.docker.com/reference/cli/docker/image/tag/', 'https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0006'],
  equivalents: { dockle: ['DKL-DI-0006'] },
  examples: { bad: 'name: shop/api:latest\nuser: 10001', good: 'name: shop/api:1.4.2\nuser: 10001' },
  check(model, ctx) {
    const name = model.name;
    if (name === undefined || name === '') return;
    const { tag, digest } = tagOf(name);
    if (digest) return;
    if (tag !== null && tag !== 'latest') return;
    ctx.report({
      message: tag === null
        ? `the image ${name} has no tag, which means latest: tag it with a version or commit`
        : `the image is tagged ${name}: latest names whatever was built last; tag it with a version or commit`,
      location: { field: 'RepoTags' },
    });
  },
});
