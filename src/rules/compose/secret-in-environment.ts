import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { isPlaceholder, isSecretName, redact } from '../../secrets/names.js';
import { literalDefaults } from '../../targets/compose/interpolate.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/secret-in-environment',
  target: 'compose',
  title: 'Secrets are not passed as plain environment variables',
  severity: 'error',
  level: 'hardened',
  rationale: 'A password written in `environment:` or in an `env_file` is in the repository, in `docker inspect`, in every process\'s /proc/<pid>/environ and in crash reports. Compose `secrets:` mount it as a file under /run/secrets instead, readable only by the service. `${VAR}` references are not flagged (the value is not in the file), but a literal default (`${DB_PASSWORD:-hunter2}`) is.',
  remediation: 'Declare a top-level `secrets:` entry (file or environment source), give it to the service with `secrets: [db_password]`, and point the app at it with `DB_PASSWORD_FILE: /run/secrets/db_password`.',
  references: ['https://docs.docker.com/compose/how-tos/use-secrets/', 'CIS Docker Benchmark 4.10'],
  equivalents: { kics: ['Passwords And Secrets - Generic Password'], cis: ['4.10'] },
  examples: {
    bad: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: s3cr3t-Pa55word\n',
    good: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
  },
  check(model, ctx) {
    for (const svc of model.services) {
      for (const e of svc.environment) {
        if (!isSecretName(e.name) || e.raw === null) continue;
        const written = e.raw.includes('$') ? literalDefaults(e.raw).find((d) => !isPlaceholder(d)) : isPlaceholder(e.raw) ? undefined : e.raw;
        if (written === undefined) continue;
        const envNode = get(svc.node, 'environment');
        reportNode(ctx, e.node, `${svc.yamlPath}.environment.${e.name}`,
          `service ${svc.name} sets ${e.name} in plain text (${redact(written)})${envNode && e.raw.includes('$') ? ' as a default' : ''}: use secrets: and ${e.name}_FILE`);
      }
      for (const ref of svc.envFiles) {
        for (const entry of ref.entries ?? []) {
          if (!isSecretName(entry.name) || isPlaceholder(entry.value)) continue;
          ctx.report({
            message: `service ${svc.name} gets ${entry.name} in plain text from env_file ${ref.path} (${redact(entry.value)}): use secrets: and ${entry.name}_FILE`,
            range: entry.range,
            location: { path: entry.file, yamlPath: `${svc.yamlPath}.env_file` },
          });
        }
      }
    }
  },
});
