import { defineRule } from '../../engine/types.js';
import { assessValue, isSecretName, redact } from '../../secrets/names.js';
import { severityFor } from '../../secrets/confidence.js';
import { scanText } from '../../targets/image/secret-scan.js';

const ASSIGN = /(?:^|[\s|;&"'(])(?:--build-arg\s+|export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|"']+)/g;

export default defineRule({
  id: 'image/secret-in-history',
  target: 'image',
  title: 'No secrets in the image history',
  severity: 'error',
  level: 'hardened',
  rationale: 'The history (`docker history --no-trunc`) keeps the text of every RUN and the values of the build arguments it used: a token passed with --build-arg or written in a RUN line ships with the image even when no file holds it. Severity follows the evidence: a verified token shape (checksum or structure checked) or a private key is an error, a secret-named value that looks generated a warning, a weak or word-like one info (docs/secrets.md lists the shapes).',
  remediation: 'Use `RUN --mount=type=secret,id=…` (BuildKit) for build-time secrets; never pass them as build arguments or inline in RUN.',
  references: ['CIS Docker Benchmark 4.10', 'https://docs.docker.com/build/building/secrets/'],
  equivalents: { dockle: ['CIS-DI-0010'], trivy: ['secret'], cis: ['4.10'] },
  examples: {
    bad: 'layer: |1 NPM_TOKEN=npm_a8F3kq9Zr2LmX7pQw4Tn /bin/sh -c npm ci',
    good: 'layer: RUN --mount=type=secret,id=npm npm ci',
  },
  check(model, ctx) {
    model.history.forEach((h, i) => {
      const seen = new Set<string>();
      const location = { field: `history[${i}].created_by`, ...(h.layerIndex !== undefined ? { layer: { index: h.layerIndex } } : {}) };
      // every verified shape is an error; the other evidence is reported once per entry
      const hits = scanText(h.createdBy, `history[${i}]`);
      const secrets = hits.map((x) => x.secret);
      for (const hit of hits.filter((x) => x.confidence === 'verified')) {
        ctx.report({ message: `history entry ${i} holds a ${hit.kind} (${hit.redacted})`, location, sensitive: true, secrets });
      }
      if (hits.some((x) => x.confidence === 'verified')) return;
      for (const m of h.createdBy.matchAll(ASSIGN)) {
        const name = m[1];
        const value = m[2].replace(/^["']|["']$/g, '');
        const verdict = assessValue(value);
        if (isSecretName(name) && (verdict === 'strong' || verdict === 'weak') && !seen.has(name)) {
          seen.add(name);
          ctx.report({ message: `history entry ${i} holds ${name}=${redact(value)} (a build argument or RUN text)`, location, severity: verdict === 'strong' ? 'warning' : 'info', sensitive: true, secrets: [value, ...secrets] });
        }
      }
      if (seen.size === 0 && hits.length) {
        ctx.report({ message: `history entry ${i} holds a ${hits[0].kind} (${hits[0].redacted})`, location, severity: severityFor(hits[0].confidence), sensitive: true, secrets });
      }
    });
  },
});
