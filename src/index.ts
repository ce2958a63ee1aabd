// The library entry point.
export * from './engine/types.js';
export { runRules, makeResult, gradeLevel } from './engine/run.js';
export { allRules } from './rules/index.js';
export { main } from './main.js';
