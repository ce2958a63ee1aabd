// Host devices are passed into the container.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/host-devices',
  target: 'container',
  title: 'No host device is passed into the container',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'A `--device` gives the container direct access to a host device node: a disk (/dev/sda) can be read or ' +
    'written below every file permission, /dev/mem or /dev/kmsg reach the kernel. Each device should be one the ' +
    'service needs (a GPU, a serial port), reviewed. The same setting as compose/host-devices and run/host-devices.',
  remediation: 'Remove `--device` (compose `devices:`) unless the service needs that device, and then pass it with the least permissions (`--device /dev/ttyUSB0:/dev/ttyUSB0:r`).',
  references: ['CIS Docker 5.17 (Ensure that host devices are not directly exposed to containers)'],
  equivalents: { cis: ['5.17'], dockerBench: ['check_5_17'] },
  examples: { bad: '{"hostConfig":{"devices":["/dev/sda"]}}', good: '{"hostConfig":{"devices":[]}}' },
  check(model, ctx) {
    for (const d of model.hostConfig.devices) {
      ctx.report({ message: `the host device ${d} is passed into the container`, location: { field: 'HostConfig.Devices', imagePath: d } });
    }
  },
});
