// The container's main process runs as uid 0.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';
import { POSTURE_LEVEL } from '../posture.js';

export default defineRule({
  id: 'container/runs-as-root',
  target: 'container',
  title: 'The container runs as a non-root user',
  severity: 'error',
  level: POSTURE_LEVEL.rootUser,
  rationale: 'Measured in the running container (/proc/1/status): a process running as uid 0 owns the container\'s files, including /etc/passwd, and an escape through a kernel or runtime bug starts as root on the host unless user namespaces remap it.',
  remediation: 'Create a user with a fixed UID in the Dockerfile and end with `USER 10001:10001`, or run with `--user` / compose `user:`.',
  references: ['CIS Docker 4.1', 'https://docs.docker.com/build/building/best-practices/#user'],
  equivalents: { cis: ['4.1'], dockle: ['CIS-DI-0001'], trivy: ['DS-0002'], hadolint: ['DL3002'] },
  examples: { bad: '{"identity":{"ok":true,"method":"sh","value":{"uid":0,"gid":0,"user":"root","home":"/root","shell":"/bin/bash"}}}', good: '{"identity":{"ok":true,"method":"sh","value":{"uid":10001,"gid":10001,"user":"app","home":"/nonexistent","shell":"/usr/sbin/nologin"}}}' },
  check(model, ctx) {
    if (unverified(model.identity, 'the user of the main process', (d) => { ctx.report(d); })) return;
    const id = model.identity.value;
    if (id.uid === 0) ctx.report({ message: `the main process runs as uid 0 (${id.user ?? 'no passwd entry'})`, location: { field: 'identity.uid' } });
  },
});
