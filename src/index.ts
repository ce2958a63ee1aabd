// The library entry point.
export * from './engine/types.js';
export type { Target, LoadError, LoadOptions, CommentSource, SuppressionSyntax } from './engine/target.js';
export { isLoadError } from './engine/target.js';
export { audit, type AuditInput, type ResultPart } from './engine/pipeline.js';
export { runRules, makeResult, gradeLevel } from './engine/run.js';
export { allRules, catalogue } from './rules/index.js';
export { targets, targetOf } from './targets/index.js';
export { main } from './main.js';
export { VERSION } from './version.js';
