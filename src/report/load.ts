// The formatter registry: every report format by name, loaded only when a run asks for it (a
// plain lint never loads SARIF's hashing). A format may be limited to the commands whose results
// it can describe (CycloneDX lists an image's packages).
// Most formats also stream (`stream`): the report in pieces, one target path at a time, the
// same bytes; the others (html, checkstyle, cyclonedx) need every result before their first byte.
import type { TargetResult } from '../engine/types.js';
import type { Formatter, ReportMeta, StreamFormatter } from './common.js';
import { redactReport } from '../secrets/redact.js';

interface FormatEntry {
  load: () => Promise<Formatter>;
  stream?: () => Promise<StreamFormatter>;
  /** The commands that offer this format; absent: every command. */
  commands?: readonly string[];
}

const FORMATS: Record<string, FormatEntry> = {
  pretty: { load: async () => (await import('./pretty.js')).formatPretty, stream: async () => (await import('./pretty.js')).streamPretty },
  json: { load: async () => (await import('./json.js')).formatJson, stream: async () => (await import('./json.js')).streamJson },
  sarif: { load: async () => (await import('./sarif.js')).formatSarif, stream: async () => (await import('./sarif.js')).streamSarif },
  github: { load: async () => (await import('./github.js')).formatGithub, stream: async () => (await import('./github.js')).streamGithub },
  cyclonedx: { load: async () => (await import('./cyclonedx.js')).formatCycloneDx, commands: ['image'] },
  gitlab: { load: async () => (await import('./gitlab.js')).formatGitlab, stream: async () => (await import('./gitlab.js')).streamGitlab },
  junit: { load: async () => (await import('./junit.js')).formatJunit, stream: async () => (await import('./junit.js')).streamJunit },
  checkstyle: { load: async () => (await import('./checkstyle.js')).formatCheckstyle },
  html: { load: async () => (await import('./html.js')).formatHtml },
};

/** The formats every command offers. */
export const FORMAT_NAMES = formatNames();

/** The formats a command offers (every format when no command is named). */
export function formatNames(command?: string): string[] {
  return Object.keys(FORMATS).filter((n) => command === undefined ? !FORMATS[n].commands : !FORMATS[n].commands || FORMATS[n].commands.includes(command));
}

export function isFormat(name: string, command?: string): boolean {
  return Object.hasOwn(FORMATS, name) && formatNames(command).includes(name);
}

/** The formatter of that name behind the one redaction step every report passes: whatever the
 *  format, no secret a rule found (nor a secret-named build argument) reaches its output. */
export async function loadFormatter(name: string): Promise<Formatter> {
  const entry = Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
  if (!entry) throw new Error(`unknown format ${name}`);
  const format = await entry.load();
  return (results, meta) => {
    const redacted = redactReport(results, meta);
    return format(redacted.results, redacted.meta);
  };
}

/** The formats that write their report in pieces. */
export function streamingFormats(): string[] {
  return Object.keys(FORMATS).filter((n) => FORMATS[n].stream !== undefined);
}

/** The report of that format as pieces to write in turn, behind the same redaction as
 *  loadFormatter: a streaming format's pieces one target path at a time, any other format's
 *  whole text as one piece. */
export async function loadReport(name: string): Promise<(results: readonly TargetResult[], meta: ReportMeta) => Iterable<string>> {
  const entry = Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
  if (!entry) throw new Error(`unknown format ${name}`);
  if (entry.stream) {
    const [format, { reportPieces }] = await Promise.all([entry.stream(), import('./stream.js')]);
    return (results, meta) => reportPieces(results, meta, format);
  }
  const format = await loadFormatter(name);
  return (results, meta) => [format(results, meta)];
}
