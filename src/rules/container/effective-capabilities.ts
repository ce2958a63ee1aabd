// The main process holds effective capabilities.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';

export default defineRule({
  id: 'container/effective-capabilities',
  target: 'container',
  title: 'The main process holds no capabilities',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Docker grants 14 capabilities by default (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, …). A web service needs none of them; each one held is kernel attack surface and a step towards root on the host. Decoded from CapEff and CapBnd in /proc/1/status.',
  remediation: 'Run with `--cap-drop=ALL` (compose: `cap_drop: [ALL]`) and add back only what is proven necessary (e.g. NET_BIND_SERVICE for ports below 1024).',
  references: ['CIS Docker 5.3', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
  equivalents: { cis: ['5.3'], kics: ['Container Capabilities Unrestricted'] },
  examples: {
    bad: '{"capabilities":{"ok":true,"method":"sh","value":{"effectiveHex":"00000000a80425fb","permittedHex":"00000000a80425fb","boundingHex":"00000000a80425fb","effective":["CHOWN","DAC_OVERRIDE"],"permitted":["CHOWN","DAC_OVERRIDE"],"bounding":["CHOWN","DAC_OVERRIDE"]}}}',
    good: '{"capabilities":{"ok":true,"method":"sh","value":{"effectiveHex":"0000000000000000","permittedHex":"0000000000000000","boundingHex":"0000000000000000","effective":[],"permitted":[],"bounding":[]}}}',
  },
  check(model, ctx) {
    if (unverified(model.capabilities, 'the capabilities of the main process', (d) => { ctx.report(d); })) return;
    const c = model.capabilities.value;
    if (c.effective.length) {
      ctx.report({ message: `the main process has ${c.effective.length} effective capabilities: ${c.effective.join(', ')}`, location: { field: 'CapEff' } });
    } else if (c.bounding.length && !model.hostConfig.capDrop.some((d) => /^(CAP_)?ALL$/i.test(d))) {
      ctx.report({ message: `no effective capabilities, but the bounding set still holds ${c.bounding.length} (${c.bounding.join(', ')}): setuid binaries or file capabilities could regain them`, severity: 'info', location: { field: 'CapBnd' } });
    }
  },
});
