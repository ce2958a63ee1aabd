import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

/** Drivers that write to the host's disk and rotate only when told. */
const LOCAL = new Set(['json-file', 'local']);

export default defineRule({
  id: 'daemon/log-rotation-missing',
  target: 'daemon',
  title: 'Container logs are rotated (log-opts max-size and max-file)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'The default `json-file` driver keeps every line a container writes, forever: one chatty or attacked service fills the host\'s disk and takes the engine and every other container down with it.',
  remediation: 'Set `"log-driver": "local"` (rotates by default), or keep json-file with `"log-opts": {"max-size": "10m", "max-file": "3"}`; or ship logs to a central driver.',
  references: ['https://docs.docker.com/engine/logging/configure/', 'https://docs.docker.com/engine/logging/drivers/json-file/', 'CIS Docker Benchmark 2.13'],
  equivalents: { cis: ['2.13'], dockerBench: ['check_2_13'] },
  examples: { bad: '{\n  "log-driver": "json-file"\n}\n', good: '{\n  "log-driver": "json-file",\n  "log-opts": {"max-size": "10m", "max-file": "3"}\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const driver = setting(model, 'log-driver');
    const name = typeof driver?.value === 'string' && driver.value ? driver.value : 'json-file';
    if (!LOCAL.has(name) || name === 'local') return; // remote drivers ship the logs; local rotates by default
    const opts = setting(model, 'log-opts');
    const o = opts && typeof opts.value === 'object' && opts.value !== null ? (opts.value as Record<string, unknown>) : {};
    const missing = ['max-size', 'max-file'].filter((k) => o[k] === undefined || o[k] === '');
    if (missing.length === 0) return;
    const msg = `${name} logs are not rotated (no ${missing.join(' or ')} in "log-opts"): a noisy container fills the host's disk`;
    if (opts) reportSetting(ctx, opts, msg);
    else if (driver) reportSetting(ctx, driver, msg);
    else reportMissing(ctx, model, msg);
  },
});
