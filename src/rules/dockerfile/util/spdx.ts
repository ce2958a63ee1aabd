// SPDX license expressions through spdx-expression-parse, loaded on first use: the package reads
// the SPDX license and exception lists when it loads (~10 ms of a start), which only a label the
// config types `spdx` needs, so a plain Dockerfile lint never loads it.
import { createRequire } from 'node:module';
// a type only (erased): the package itself is required below, on first use
import type spdxParse from 'spdx-expression-parse';

type Parse = typeof spdxParse;
let parse: Parse | undefined;

/** Parses an SPDX license expression; throws when it is not one (as spdx-expression-parse). */
export function parseSpdx(expression: string): ReturnType<Parse> {
  parse ??= createRequire(import.meta.url)('spdx-expression-parse') as Parse;
  return parse(expression);
}
