// The formatters by name. Each is pure: (results, meta) => string.
import type { Formatter } from './common.js';
import { formatPretty } from './pretty.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';

export const FORMATTERS: Record<string, Formatter> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export { FORMAT_NAMES, loadFormatter } from './load.js';
export type { Formatter, ReportMeta } from './common.js';
