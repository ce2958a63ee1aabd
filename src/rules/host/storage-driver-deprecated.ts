import { defineRule } from '../../engine/types.js';

const DEPRECATED: Record<string, string> = {
  aufs: 'aufs is removed from current engines and has had privilege-escalation bugs',
  devicemapper: 'devicemapper is deprecated (loop-lvm mode is unfit for production)',
  overlay: 'the legacy overlay driver is deprecated in favour of overlay2',
};

export default defineRule({
  id: 'host/storage-driver-deprecated',
  target: 'host',
  title: 'The engine uses a supported storage driver',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Deprecated storage drivers get no fixes: aufs had privilege-escalation bugs and is gone from current engines, devicemapper\'s loop mode corrupts under load. overlay2 is the supported default.',
  remediation: 'Move to `"storage-driver": "overlay2"` (images must be pulled again; containers recreated).',
  references: ['https://docs.docker.com/engine/storage/drivers/select-storage-driver/', 'CIS Docker Benchmark 2.6'],
  equivalents: { cis: ['2.6'], dockerBench: ['check_2_6'] },
  examples: { bad: '{"engine": {"ok": true, "value": {"storageDriver": "aufs"}}}', good: '{"engine": {"ok": true, "value": {"storageDriver": "overlay2"}}}' },
  check(model, ctx) {
    if (!model.engine.ok) return;
    const d = model.engine.value.storageDriver;
    if (DEPRECATED[d]) ctx.report({ message: `storage driver ${d}: ${DEPRECATED[d]}`, location: { path: 'engine', field: 'Info.Driver' } });
  },
});
