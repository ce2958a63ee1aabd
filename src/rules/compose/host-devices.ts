import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/host-devices',
  target: 'compose',
  title: 'Services do not get host devices',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A host device in the container (a disk, /dev/mem, /dev/kmsg, a GPU, a USB bus) is direct access to hardware the kernel otherwise guards; with write access a disk device is the host\'s filesystem.',
  remediation: 'Remove the device, or give only the one device node needed with the narrowest permissions (`/dev/ttyUSB0:/dev/ttyUSB0:r`).',
  references: ['CIS Docker Benchmark 5.17', 'https://docs.docker.com/reference/compose-file/services/#devices'],
  equivalents: { cis: ['5.17'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    devices: ["/dev/sda:/dev/sda"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'devices');
      for (const d of svc.devices) {
        reportNode(ctx, d.node, itemPath(svc, 'devices', d.node, list), `service ${svc.name} gets the host device ${d.value.split(':')[0]}`);
      }
    }
  },
});
