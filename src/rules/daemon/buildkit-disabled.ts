import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { isFalse, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/buildkit-disabled',
  target: 'daemon',
  title: 'Builds use BuildKit (features.buildkit is not turned off)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'The legacy builder has no build secrets (`RUN --mount=type=secret`) or SSH forwarding, so credentials end up in build args and layers; it also ignores `.dockerignore` subtleties BuildKit honours. `"features": {"buildkit": false}` forces it for every `docker build` on the host.',
  remediation: 'Set `"features": {"buildkit": true}` (the default since Engine 23.0; needed on older engines).',
  references: ['https://docs.docker.com/build/buildkit/#getting-started', 'https://docs.docker.com/build/building/secrets/'],
  equivalents: {},
  examples: { bad: '{\n  "features": {"buildkit": false}\n}\n', good: '{\n  "features": {"buildkit": true}\n}\n' },
  check(model, ctx) {
    const s = setting(model, 'features');
    if (!s || typeof s.value !== 'object' || s.value === null) return;
    const v = (s.value as Record<string, unknown>).buildkit;
    if (isFalse(v)) reportSetting(ctx, s, '"features": {"buildkit": false} forces the legacy builder (no build secrets, no SSH forwarding)');
  },
});
