// Small pure helpers the compose rules share: where to report a present value, where to report
// a missing setting (the service's key line), and the kind-of-diagnostic rules.
import type { RuleContext, Severity } from '../../engine/types.js';
import type { ComposeModel, ComposeService, Diagnostic, YNode } from './model.js';
import { rangeOf } from './model.js';

/** Reports a present key or list item on its own line. */
export function reportNode(ctx: RuleContext<unknown>, node: YNode, yamlPath: string, message: string, severity?: Severity): void {
  ctx.report({ message, range: rangeOf(node), location: { path: node.file, yamlPath }, ...(severity ? { severity } : {}) });
}

/** Reports a setting the service lacks, on the service's key line (`  api:`). */
export function reportMissing(ctx: RuleContext<unknown>, svc: ComposeService, key: string, message: string): void {
  ctx.report({ message, range: svc.keyRange, location: { path: svc.file, yamlPath: `${svc.yamlPath}.${key}` } });
}

/** Reports the load diagnostics of one kind (YAML, schema, interpolation, …). */
export function reportDiagnostics(model: ComposeModel, ctx: RuleContext<unknown>, kinds: Diagnostic['kind'][]): void {
  for (const d of model.diagnostics) {
    if (!kinds.includes(d.kind)) continue;
    ctx.report({ message: d.message, range: d.range, location: { path: d.file, ...(d.yamlPath ? { yamlPath: d.yamlPath } : {}) }, severity: d.severity });
  }
}

/** Path of an item of a list attribute, e.g. services.api.cap_add[1]. */
export function itemPath(svc: ComposeService, key: string, node: YNode, list: YNode | undefined): string {
  const i = list?.kind === 'seq' ? list.items.indexOf(node) : -1;
  return i >= 0 ? `${svc.yamlPath}.${key}[${i}]` : `${svc.yamlPath}.${key}`;
}

/** true when the user is root (shared with every target's posture checks). */
export { isRootUser } from '../../rules/posture.js';

/** Where a service's image facts come from, for messages: "its Dockerfile app/Dockerfile" or
 *  "its image nginx:1.27 (inspected)". */
export function imageSource(img: { dockerfile: string; image?: string }): string {
  return img.image !== undefined ? `its image ${img.image} (inspected)` : `its Dockerfile ${img.dockerfile}`;
}
