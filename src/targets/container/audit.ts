// The container auditor: the engine's pipeline over a probed container, and the evidence table
// verify prints beside it (its pass/fail comes from the same findings that grade the level).
import type { Rule, TargetResult } from '../../engine/types.js';
import type { ResolvedConfig } from '../../engine/config-types.js';
import type { CatalogueEntry } from '../../engine/catalogue.js';
import { audit } from '../../engine/pipeline.js';
import type { VerifyOutcome } from './engine.js';
import { checkRows, type CheckRow } from './checks.js';

export interface ContainerAuditOptions {
  config: ResolvedConfig;
  rules: readonly Rule[];
  catalogue: readonly CatalogueEntry[];
}

export function auditContainer(outcome: VerifyOutcome, opts: ContainerAuditOptions): { result: TargetResult; rows: CheckRow[] } {
  const { model, why } = outcome;
  // containers have no comments: nothing to suppress inline, only the config's disables
  const [graded] = audit(model, {
    target: { kind: 'container', path: model.path, image: model.image.ref },
    path: model.path,
    rules: opts.rules.filter((r) => r.target === 'container'),
    catalogue: opts.catalogue,
    config: opts.config,
  });
  const result = graded;
  const rows = checkRows(model, result.findings, why);
  result.facts = {
    mode: model.mode,
    profile: model.profile,
    image: model.image,
    container: model.container,
    checks: rows,
    identity: model.identity,
    passwdWritable: model.passwdWritable,
    rootfsWritable: model.rootfsWritable,
    tmpWritable: model.tmpWritable,
    capabilities: model.capabilities,
    noNewPrivs: model.noNewPrivs,
    seccomp: model.seccomp,
    health: model.health,
    http: model.http,
    hostConfig: model.hostConfig,
    ...(model.stats !== undefined ? { stats: model.stats } : {}),
  };
  return { result, rows };
}
