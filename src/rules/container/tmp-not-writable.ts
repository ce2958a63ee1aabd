// /tmp is not writable: applications that need scratch space fail at run time.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';

export default defineRule({
  id: 'container/tmp-not-writable',
  target: 'container',
  title: '/tmp is writable',
  severity: 'warning',
  level: null,
  rationale: 'A read-only root filesystem needs a writable tmpfs for the temporary files most runtimes create; without one the application fails in odd ways at run time. Measured by creating and removing a uniquely named file in /tmp.',
  remediation: 'Add `--tmpfs /tmp` (compose: `tmpfs: [/tmp]`), ideally with `noexec,nosuid` and a size.',
  references: ['https://docs.docker.com/engine/storage/tmpfs/'],
  equivalents: {},
  examples: { bad: '{"tmpWritable":{"ok":true,"method":"sh","value":false}}', good: '{"tmpWritable":{"ok":true,"method":"sh","value":true}}' },
  check(model, ctx) {
    if (unverified(model.tmpWritable, 'whether /tmp is writable', (d) => { ctx.report(d); })) return;
    if (!model.tmpWritable.value) ctx.report({ message: '/tmp is not writable by the container\'s user', location: { imagePath: '/tmp' } });
  },
});
