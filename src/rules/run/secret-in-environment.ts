import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { isPlaceholder, redact } from '../../secrets/names.js';
import { isTestPath } from '../../secrets/confidence.js';
import { commonDefaultPassword, judgeEnvSecret } from '../../secrets/env.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/secret-in-environment',
  target: 'run',
  title: "Secrets are not passed as plain environment variables",
  severity: 'error',
  level: 'hardened',
  rationale: "A password written in `-e DB_PASSWORD=\u2026` is in the script, in the shell history, in `docker inspect` and in every process's environment. `-e DB_PASSWORD` (taken from the caller) or a secret file mounted read-only keeps it out of the file. Variables (`$DB_PASSWORD`) are not flagged: the value is not written here.",
  remediation: "Pass the name only (`-e DB_PASSWORD`, set by the caller), use `--env-file` from a file outside the repository, or mount a secret file and point the program at it (`DB_PASSWORD_FILE`).",
  references: ["CIS Docker Benchmark 4.10", "https://docs.docker.com/reference/cli/docker/container/run/#env"],
  equivalents: { cis: ['4.10'] },
  examples: { bad: "docker run -e DB_PASSWORD=s3cr3t-Pa55word nginx:1.27\n", good: "docker run -e DB_PASSWORD nginx:1.27\n" },
  check(model, ctx) {
    // judged like compose: a verified token an error, a generated-looking literal a warning, a
    // word or a test file's value info, a setting (a role, a switch) nothing
    for (const cmd of model.commands) {
      const env = runPosture(cmd).env;
      const names = new Set(env.map((e) => e.name.toUpperCase()));
      for (const e of env) {
        if (e.value === null || e.unresolved || (isPlaceholder(e.value) && !commonDefaultPassword(e.name, e.value))) continue;
        const judged = judgeEnvSecret(e.name, e.value, names, isTestPath(cmd.file));
        if (!judged) continue;
        reportAt(ctx, cmd, e.at, `the container gets ${e.name} in plain text (${judged.what ? `${judged.what}, ` : ''}${redact(e.value)}): pass the name only or a secret file`, judged.severity, true);
      }
    }
  },
});
