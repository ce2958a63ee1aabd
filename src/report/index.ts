// The formatters by name. Each is pure: (results, meta) => string.
import type { Formatter } from './common.js';
import { formatPretty } from './pretty.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJunit } from './junit.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatHtml } from './html.js';

export const FORMATTERS: Record<string, Formatter> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
  junit: formatJunit,
  checkstyle: formatCheckstyle,
  html: formatHtml,
};

export { FORMAT_NAMES, loadFormatter } from './load.js';
export type { Formatter, ReportMeta } from './common.js';
