import { defineRule } from '../../engine/types.js';
import { assessValue, isSecretName, isWordLike, redact } from '../../secrets/names.js';
import { severityFor } from '../../secrets/confidence.js';
import { scanText } from '../../targets/image/secret-scan.js';

export default defineRule({
  id: 'image/secret-in-env',
  target: 'image',
  title: 'No secrets in the image environment',
  severity: 'error',
  level: 'hardened',
  rationale: 'config.Env ships with the image: anyone who can pull it reads every value with `docker inspect`, and every container inherits it in /proc/*/environ. Severity follows the evidence: a verified token shape (checksum or structure checked) or a private key is an error, a secret-named value that looks generated a warning, a weak or word-like one info (docs/secrets.md lists the shapes).',
  remediation: 'Pass secrets at run time (compose/Kubernetes secrets mounted as files, `*_FILE` variables) or at build time with `RUN --mount=type=secret`; never ENV or ARG.',
  references: ['CIS Docker Benchmark 4.10', 'https://docs.docker.com/build/building/secrets/'],
  equivalents: { dockle: ['CIS-DI-0010'], trivy: ['secret'], cis: ['4.10'] },
  examples: { bad: 'env: DB_PASSWORD=hunter2-prod-9f8e7d', good: 'env: DB_PASSWORD_FILE=/run/secrets/db_password' },
  check(model, ctx) {
    // read as one file too, so that evidence spread over variables counts (an AWS key id is
    // verified by its secret access key in the next variable)
    const together = scanText(model.config.env.join('\n'), '.env').filter((h) => h.confidence === 'verified');
    for (const e of model.config.env) {
      const i = e.indexOf('=');
      const name = i < 0 ? e : e.slice(0, i);
      const value = i < 0 ? '' : e.slice(i + 1);
      const field = `config.Env.${name}`;
      // a verified shape is an error, wherever it sits; a secret-named literal is a warning when
      // it looks generated and info when it is weak
      const own = scanText(value, name).at(0) ?? scanText(`${name}=${value}`, '.env').at(0);
      const paired = together.find((h) => h.secret.length >= 8 && value.includes(h.secret));
      const hit = own && own.confidence === 'verified' ? own : paired ?? own;
      if (hit && hit.confidence === 'verified') {
        ctx.report({ message: `config.Env ${name} holds a ${hit.kind} (${hit.redacted})`, location: { field }, sensitive: true, secrets: [hit.secret] });
        continue;
      }
      const verdict = assessValue(value);
      if (isSecretName(name) && (verdict === 'strong' || verdict === 'weak' || isWordLike(value))) {
        ctx.report({ message: `config.Env sets ${name}=${redact(value)}: a secret baked into the image`, location: { field }, severity: verdict === 'strong' ? 'warning' : 'info', sensitive: true, secrets: [value] });
        continue;
      }
      if (hit) ctx.report({ message: `config.Env ${name} holds a ${hit.kind} (${hit.redacted})`, location: { field }, severity: severityFor(hit.confidence), sensitive: true, secrets: [hit.secret] });
    }
  },
});
