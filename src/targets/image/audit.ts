// The image auditor's library entry: read an input (tar, OCI layout, engine reference) into
// models, then the engine's pipeline over each. Also what the benchmark calls.
import type { Rule, TargetResult } from '../../engine/types.js';
import type { ResolvedConfig } from '../../engine/config-types.js';
import { defaultConfig } from '../../engine/config-types.js';
import { audit } from '../../engine/pipeline.js';
import type { ImageModel, OsRelease, PackageRef } from './model.js';
import type { ReadOptions } from './readers.js';
import type { IO } from '../../io.js';
import { processIO } from '../../io.js';
import { isLoadError } from '../../engine/target.js';
import { imageTarget } from './target.js';

export interface ImageAuditOptions extends ReadOptions {
  cwd: string;
  config?: ResolvedConfig;
  rules?: readonly Rule[];
  /** Put the package inventory into facts.inventory (for the CycloneDX report). */
  inventory?: boolean;
  /** Throw a read problem (UserError) instead of returning it as the result's error. */
  throwReadErrors?: boolean;
  /** The date age checks count from (YYYY-MM-DD); the current date when absent. */
  today?: string;
}

export interface ImageInventory {
  name: string | null;
  id: string;
  os: string;
  architecture: string;
  osRelease: OsRelease | null;
  packages: PackageRef[];
}

export function imageFacts(model: ImageModel, withInventory: boolean): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    name: model.name ?? null,
    id: model.id,
    platform: [model.os, model.architecture, model.variant].filter(Boolean).join('/'),
    user: model.config.user,
    size: model.size,
    layers: model.layers.length,
    files: model.files.filter((f) => f.deletedIn === undefined).length,
    os: model.osRelease?.prettyName ?? null,
    packages: model.packages.length,
  };
  if (model.signatures) {
    const s = model.signatures;
    facts.signatures = {
      digest: s.imageDigests[0] ?? null,
      key: s.key,
      found: s.signatures.length,
      verified: s.key ? s.signatures.some((c) => c.verdict === 'verified') : null,
      checks: s.signatures.map((c) => ({ tag: c.tag, layer: c.layer, signedDigest: c.signedDigest, verdict: c.verdict })),
    };
  }
  if (withInventory) {
    const inv: ImageInventory = { name: model.name ?? null, id: model.id, os: model.os, architecture: model.architecture, osRelease: model.osRelease, packages: model.packages };
    facts.inventory = inv;
  }
  return facts;
}

/** Audits the images an input holds, loaded through the image target; a read problem becomes
 *  the result's error (or is thrown, with throwReadErrors). */
export async function auditImage(input: string, opts: ImageAuditOptions, io: IO = processIO()): Promise<TargetResult[]> {
  const config = opts.config ?? defaultConfig();
  const rules = opts.rules ?? (await import('../../rules/index.js')).allRules;
  const { throwReadErrors, ...read } = opts;
  const loaded = await imageTarget.load(io, input, { ...read, config, throwUserErrors: Boolean(throwReadErrors) });
  if (isLoadError(loaded)) return [{ target: { kind: 'image', path: input }, level: null, missingForNextLevel: [], findings: [], error: loaded.loadError }];
  const models = loaded as readonly ImageModel[];
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  for (const m of models) m.today = today;
  return models.map((m) => auditModel(m, input, config, rules, Boolean(opts.inventory), models.length > 1));
}

export function auditModel(model: ImageModel, input: string, config: ResolvedConfig, rules: readonly Rule[], inventory: boolean, named: boolean): TargetResult {
  const target = { kind: 'image' as const, path: input, ...(named && model.name ? { image: model.name } : {}) };
  // images have no comments: nothing to suppress inline, only the config's disables
  return audit(model, { target, path: input, rules, catalogue: rules, config, facts: imageFacts(model, inventory) })[0];
}
