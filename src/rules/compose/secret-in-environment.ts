import { defineRule } from '../../engine/types.js';
import { get, rangeOf } from '../../targets/compose/model.js';
import { isPlaceholder, redact } from '../../secrets/names.js';
import { isTestPath } from '../../secrets/confidence.js';
import { commonDefaultPassword, judgeEnvSecret } from '../../secrets/env.js';
import { literalDefaults } from '../../targets/compose/interpolate.js';

export default defineRule({
  id: 'compose/secret-in-environment',
  target: 'compose',
  title: 'Secrets are not passed as plain environment variables',
  severity: 'error',
  level: 'hardened',
  rationale: 'A password written in `environment:` or in an `env_file` is in the repository, in `docker inspect`, in every process\'s /proc/<pid>/environ and in crash reports. Compose `secrets:` mount it as a file under /run/secrets instead, readable only by the service. `${VAR}` references are not flagged (the value is not in the file), but a literal default (`${DB_PASSWORD:-hunter2}`) is. Severity follows the evidence: a verified token shape (checksum or structure checked) or a private key is an error, a secret-named value that looks generated a warning, a weak or word-like one info (docs/secrets.md lists the shapes).',
  remediation: 'Declare a top-level `secrets:` entry (file or environment source), give it to the service with `secrets: [db_password]`, and point the app at it with `DB_PASSWORD_FILE: /run/secrets/db_password`.',
  references: ['https://docs.docker.com/compose/how-tos/use-secrets/', 'CIS Docker Benchmark 4.10'],
  equivalents: { kics: ['Passwords And Secrets - Generic Password'], cis: ['4.10'] },
  examples: {
    bad: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: s3cr3t-Pa55word\n',
    good: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
  },
  check(model, ctx) {
    const testFile = isTestPath(ctx.path);
    const severityOf = (name: string, value: string, names: ReadonlySet<string>) => judgeEnvSecret(name, value, names, testFile);
    for (const svc of model.services) {
      const names = new Set([...svc.environment.map((e) => e.name), ...svc.envFiles.flatMap((r) => (r.entries ?? []).map((x) => x.name))].map((n) => n.toUpperCase()));
      for (const e of svc.environment) {
        if (e.raw === null) continue;
        const kept = (v: string) => !isPlaceholder(v) || commonDefaultPassword(e.name, v);
        const written = e.raw.includes('$') ? literalDefaults(e.raw).find(kept) : kept(e.raw) ? e.raw : undefined;
        if (written === undefined) continue;
        const judged = severityOf(e.name, written, names);
        if (!judged) continue;
        const envNode = get(svc.node, 'environment');
        ctx.report({
          range: rangeOf(e.node),
          location: { path: e.node.file, yamlPath: `${svc.yamlPath}.environment.${e.name}` },
          message: `service ${svc.name} sets ${e.name} in plain text (${judged.what ? `${judged.what}, ` : ''}${redact(written)})${envNode && e.raw.includes('$') ? ' as a default' : ''}: use secrets: and ${e.name}_FILE`,
          severity: judged.severity,
          sensitive: true,
          secrets: [written],
        });
      }
      for (const ref of svc.envFiles) {
        for (const entry of ref.entries ?? []) {
          if (isPlaceholder(entry.value) && !commonDefaultPassword(entry.name, entry.value)) continue;
          const judged = severityOf(entry.name, entry.value, names);
          if (!judged) continue;
          ctx.report({
            message: `service ${svc.name} gets ${entry.name} in plain text from env_file ${ref.path} (${judged.what ? `${judged.what}, ` : ''}${redact(entry.value)}): use secrets: and ${entry.name}_FILE`,
            range: entry.range,
            location: { path: entry.file, yamlPath: `${svc.yamlPath}.env_file` },
            severity: judged.severity,
            sensitive: true,
            secrets: [entry.value],
          });
        }
      }
    }
  },
});
