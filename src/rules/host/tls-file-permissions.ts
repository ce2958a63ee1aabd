import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/tls-file-permissions',
  target: 'host',
  title: 'TLS keys under /etc/docker are readable by root only; certificates are not writable by others',
  severity: 'error',
  level: 'nonroot',
  rationale: 'The engine\'s TLS key proves the server to its clients, and a CA or client certificate decides who may reach the API: a key readable by other users lets them impersonate the engine; a certificate they can write lets them add their own CA or replace a certificate.',
  remediation: '`chown root:root` the files; `chmod 400` keys and `chmod 444` certificates.',
  references: ['https://docs.docker.com/engine/security/protect-access/', 'CIS Docker Benchmark 3.9', 'CIS Docker Benchmark 3.14'],
  equivalents: { cis: ['3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'], dockerBench: ['check_3_8', 'check_3_10', 'check_3_12', 'check_3_14'] },
  examples: {
    bad: '{"tlsFiles": {"ok": true, "value": [{"path": "/etc/docker/server-key.pem", "kind": "key", "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420}]}}',
    good: '{"tlsFiles": {"ok": true, "value": [{"path": "/etc/docker/server-key.pem", "kind": "key", "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 256}]}}',
  },
  check(model, ctx) {
    if (!model.tlsFiles.ok) return;
    for (const f of model.tlsFiles.value) {
      const mode = (f.mode & 0o777).toString(8);
      const problems: string[] = [];
      if (f.kind === 'key' && f.mode & 0o077) problems.push(`mode ${mode} lets ${f.mode & 0o007 ? 'every user' : `group ${f.group}`} read or change the key (expected 400)`);
      if (f.kind === 'certificate' && f.mode & 0o022) problems.push(`mode ${mode} lets others replace it (expected 444)`);
      if (f.uid !== 0) problems.push(`owned by ${f.owner}, not root`);
      if (problems.length) ctx.report({ message: `${f.kind} ${f.path}: ${problems.join('; ')}`, location: { path: f.path } });
    }
  },
});
