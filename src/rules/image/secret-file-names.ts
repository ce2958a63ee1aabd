import { defineRule } from '../../engine/types.js';
import { layerRef } from '../../targets/image/model.js';
import { secretFileReason } from '../../secrets/file-names.js';

/** Package trees: a file named secrets/… there belongs to a package. */
const VENDOR = /^\/(usr|lib|lib64|proc|sys|dev)\/|\/(node_modules|site-packages|dist-packages|vendor)\//;

export default defineRule({
  id: 'image/secret-file-names',
  target: 'image',
  title: 'A file named as a secret is in a layer of the image',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "keep secrets out of the image": build secrets go through `RUN --mount=type=secret` (the ' +
    'course\'s `mysecret.txt`), never into a layer. A file named `mysecret.txt`, `*.secret`, `credentials*`, or kept ' +
    'under a `secrets/` directory is a secret by its name, even when its content matches no token shape (a random ' +
    'password, a passphrase) — and a later layer that deletes it does not remove it from the image. The content ' +
    'scanner\'s findings (image/secret-files, which also reports key stores such as *.p12 and *.keystore by name) ' +
    'are not repeated here.',
  remediation:
    'Mount the secret for the one RUN that needs it (`RUN --mount=type=secret,id=api,target=/run/secrets/api …`), ' +
    'keep such files out of the build context with .dockerignore, rebuild the image without the layer, and rotate ' +
    'the secret if the image was pushed.',
  references: ['https://docs.docker.com/build/building/secrets/', 'CIS Docker Benchmark 4.10'],
  equivalents: { dockle: ['CIS-DI-0010'], cis: ['4.10'] },
  examples: {
    bad: 'user: 10001\nfile /app/mysecret.txt << open sesame',
    good: 'user: 10001\nfile /app/config.txt << port 8080',
  },
  check(model, ctx) {
    const scanned = new Set(model.secrets.map((s) => `${s.layer}:${s.path}`));
    for (const f of model.files) {
      if (f.type !== 'file' || VENDOR.test(f.path) || scanned.has(`${f.layer}:${f.path}`)) continue;
      const reason = secretFileReason(f.path);
      if (!reason) continue;
      const later = f.deletedIn === undefined ? '' : `; deleted in layer ${f.deletedIn}, but still in layer ${f.layer} of the image`;
      ctx.report({
        message: `${f.path} is ${reason} (${f.size} bytes)${later}`,
        sensitive: true,
        location: { imagePath: f.path, layer: layerRef(model, f.layer) },
      });
    }
  },
});
