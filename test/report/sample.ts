// A fixed set of results and rule metadata for the formatter tests: formatters are pure, so
// their golden files must not move when real rules change.
import type { TargetResult } from '../../src/engine/types.js';
import type { CatalogueEntry } from '../../src/engine/catalogue.js';
import type { ReportMeta } from '../../src/report/common.js';

const base = { references: ['CIS Docker 4.1'], examples: { bad: 'FROM x\n', good: 'FROM x\nUSER 1\n' } };

export const SAMPLE_RULES: CatalogueEntry[] = [
  { ...base, id: 'dockerfile/last-user-root', target: 'dockerfile', title: 'The final stage runs as root', severity: 'error', level: 'nonroot',
    rationale: 'A process running as root in the container is root on the host if it escapes.', remediation: 'Add USER with a non-root UID at the end of the final stage. Create the user first.',
    equivalents: { hadolint: ['DL3002'], trivy: ['DS002'], dockle: ['CIS-DI-0001'] } },
  { ...base, id: 'dockerfile/healthcheck-missing', target: 'dockerfile', title: 'The image has no HEALTHCHECK', severity: 'warning', level: 'hardened',
    rationale: 'Without a health check the engine cannot tell a hung service from a working one.', remediation: 'Add a HEALTHCHECK, e.g. a node one-liner.',
    equivalents: { trivy: ['DS026'], checkov: ['CKV_DOCKER_2'] } },
  { ...base, id: 'dockerfile/apt-get-missing-yes', target: 'dockerfile', title: 'apt-get install without -y', severity: 'warning', level: null,
    rationale: 'The build hangs or fails waiting for a confirmation.', remediation: 'Add -y.', equivalents: { hadolint: ['DL3014'] }, fixable: 'safe' },
  { ...base, id: 'dockerfile/env-secret', target: 'dockerfile', title: 'A secret is set with ENV', severity: 'error', level: 'hardened',
    rationale: 'ENV values are stored in the image config.', remediation: 'Use RUN --mount=type=secret.', equivalents: { trivy: ['DS031'] } },
  { ...base, id: 'compose/no-read-only', target: 'compose', title: 'The root filesystem is writable', severity: 'warning', level: 'hardened',
    rationale: 'A writable root filesystem lets an attacker persist tools.', remediation: 'Set read_only: true and a tmpfs for /tmp.', equivalents: { kics: ['Container Root File System Not Read Only'] } },
  { ...base, id: 'image/setuid-files', target: 'image', title: 'setuid files', severity: 'info', level: null,
    rationale: 'setuid binaries are a privilege-escalation path.', remediation: 'Remove the setuid bit.', equivalents: { dockle: ['CIS-DI-0008'] } },
  { ...base, id: 'tightship/unused-ignore', target: 'tightship', title: 'Inline ignores suppress something', severity: 'info', level: null,
    rationale: 'An unused ignore hides nothing today and anything tomorrow.', remediation: 'Delete it.', equivalents: {} },
];

export const SAMPLE_SOURCES: Record<string, string> = {
  'app/Dockerfile': 'FROM debian:12\n# tightship ignore=dockerfile/maintainer -- legacy\nRUN apt-get update && apt-get install curl\nENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nUSER root\n',
  'compose.yaml': 'services:\n  api:\n    image: app:1.0\n',
};

export const SAMPLE_RESULTS: TargetResult[] = [
  {
    target: { kind: 'image', path: 'app.tar', image: 'app:1.0' }, level: 'hardened', missingForNextLevel: [],
    findings: [{ ruleId: 'image/setuid-files', severity: 'info', message: 'setuid file /usr/bin/su (usual for the distribution)',
      location: { path: 'app.tar', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, imagePath: '/usr/bin/su', layer: { index: 0, createdBy: 'ADD rootfs.tar /' } } }],
  },
  {
    target: { kind: 'dockerfile', path: 'app/Dockerfile' }, level: 'root', missingForNextLevel: ['dockerfile/last-user-root'],
    findings: [
      { ruleId: 'dockerfile/last-user-root', severity: 'error', message: 'The final stage runs as root (USER root).',
        location: { path: 'app/Dockerfile', startLine: 5, startColumn: 6, endLine: 5, endColumn: 10 } },
      { ruleId: 'dockerfile/apt-get-missing-yes', severity: 'warning', message: 'apt-get install without -y waits for a confirmation.',
        location: { path: 'app/Dockerfile', startLine: 3, startColumn: 23, endLine: 3, endColumn: 42 },
        fix: { description: 'add -y', safe: true, edits: [{ start: 88, end: 88, text: ' -y' }] } },
      { ruleId: 'dockerfile/env-secret', severity: 'error', message: 'ENV API_TOKEN holds a secret (ghp_************).', sensitive: true,
        location: { path: 'app/Dockerfile', startLine: 4, startColumn: 5, endLine: 4, endColumn: 54 } },
      { ruleId: 'tightship/unused-ignore', severity: 'info', message: "ignore names unknown rule 'dockerfile/maintainer'",
        location: { path: 'app/Dockerfile', startLine: 2, startColumn: 1, endLine: 2, endColumn: 52 } },
      { ruleId: 'dockerfile/healthcheck-missing', severity: 'warning', message: 'The final stage has no HEALTHCHECK.',
        location: { path: 'app/Dockerfile', startLine: 1, startColumn: 6, endLine: 1, endColumn: 15 },
        related: [{ message: 'final stage starts here', location: { path: 'app/Dockerfile', startLine: 1, startColumn: 1, endLine: 1, endColumn: 15 } }] },
    ],
  },
  { target: { kind: 'dockerfile', path: 'broken/Dockerfile' }, level: null, missingForNextLevel: [], findings: [], error: 'binary file (NUL byte at offset 3): not a Dockerfile' },
  {
    target: { kind: 'compose', path: 'compose.yaml', service: 'api' }, level: 'nonroot', missingForNextLevel: ['compose/no-read-only'],
    findings: [{ ruleId: 'compose/no-read-only', severity: 'warning', message: 'Service api has a writable root filesystem; set read_only: true.',
      location: { path: 'compose.yaml', startLine: 2, startColumn: 3, endLine: 2, endColumn: 6, yamlPath: 'services.api' } }],
  },
  {
    target: { kind: 'dockerfile', path: 'clean/Dockerfile' }, level: 'hardened', missingForNextLevel: [], findings: [],
    acceptedRisks: [{ ruleId: 'dockerfile/last-user-root', reason: 'the entrypoint drops to uid 10001',
      location: { path: 'clean/Dockerfile', startLine: 4, startColumn: 1, endLine: 4, endColumn: 70 } }],
  },
  {
    target: { kind: 'dockerfile', path: 'template/Dockerfile' }, level: null,
    levelReason: 'does not build: unknown instruction {{BASE}} (tightship/parse-error, line 1)', missingForNextLevel: [],
    findings: [{ ruleId: 'tightship/parse-error', severity: 'error', message: 'unknown instruction {{BASE}}',
      location: { path: 'template/Dockerfile', startLine: 1, startColumn: 1, endLine: 1, endColumn: 9 } }],
  },
];

export function sampleMeta(extra: Partial<ReportMeta> = {}): ReportMeta {
  return { toolVersion: '0.1.0', rules: SAMPLE_RULES, sources: SAMPLE_SOURCES, color: false, ...extra };
}
