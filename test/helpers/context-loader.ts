// Registers how a context rule's test snippet becomes a ContextModel: the snippet is a whole
// build context written as one text (see test/helpers/context-snippet.ts), held in memory and
// run through the real walk, ignore matching, Dockerfile parser and secret scanner.
import { registerLoader } from './rule-tester.js';
import { contextFromSnippet } from './context-snippet.js';

registerLoader('context', (code, c) => contextFromSnippet(code, c.buildArgs ? { buildArgs: c.buildArgs } : {}));

/** Joins parts at run time, so that no token-shaped literal sits in a committed file. */
export function parts(...p: string[]): string {
  return p.join('');
}
