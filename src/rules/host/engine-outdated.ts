import { defineRule } from '../../engine/types.js';

const DAY = 86_400_000;

export default defineRule({
  id: 'host/engine-outdated',
  target: 'host',
  title: 'The engine is a supported, recent release',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Engine and runc releases fix container escapes (runc CVE-2019-5736 and CVE-2024-21626, BuildKit\'s "Leaky Vessels"). An engine built more than a year ago misses such fixes; a release line out of support (20.10 to 24.0 are end of life) gets none, even when a distribution rebuilds it.',
  remediation: 'Upgrade the engine from your distribution or Docker\'s repository; keep containerd and runc current with it.',
  references: ['https://docs.docker.com/engine/release-notes/', 'CIS Docker Benchmark 1.2.2'],
  equivalents: { cis: ['1.2.2'], dockerBench: ['check_1_2_2'] },
  options: { defaults: { maxAgeDays: 365, minVersion: '25.0' }, schema: { type: 'object', properties: { maxAgeDays: { type: 'integer', minimum: 1 }, minVersion: { type: 'string', pattern: '^\\d+\\.\\d+$' } }, additionalProperties: false } },
  examples: { bad: '{"today": "2026-06-01", "engine": {"ok": true, "value": {"serverVersion": "27.0.1", "buildDate": "2024-06-24"}}}', good: '{"today": "2026-06-01", "engine": {"ok": true, "value": {"serverVersion": "28.1.1", "buildDate": "2026-04-18"}}}' },
  check(model, ctx) {
    if (!model.engine.ok) return;
    const e = model.engine.value;
    const opts = ctx.options;
    const [maj, min] = e.serverVersion.split(/[.+~-]/).map(Number);
    const [wantMaj, wantMin] = opts.minVersion.split('.').map(Number);
    if (Number.isFinite(maj) && Number.isFinite(min) && (maj < wantMaj || (maj === wantMaj && min < wantMin))) {
      ctx.report({ message: `engine ${e.serverVersion} is older than ${opts.minVersion}: its release line no longer gets security fixes upstream`, location: { path: 'engine', field: 'Version.Version' } });
      return;
    }
    if (!e.buildDate) return;
    const age = Math.floor((Date.parse(model.today) - Date.parse(e.buildDate)) / DAY);
    const max = opts.maxAgeDays;
    if (age > max) ctx.report({ message: `engine ${e.serverVersion} was built on ${e.buildDate}, ${age} days ago (more than ${max}): it misses later security fixes`, location: { path: 'engine', field: 'Version.BuildTime' } });
  },
});
