// The formatter registry: every report format by name, loaded only when a run asks for it (a
// plain lint never loads SARIF's hashing). A format may be limited to the commands whose results
// it can describe (CycloneDX lists an image's packages).
import type { Formatter } from './common.js';
import { redactReport } from '../secrets/redact.js';

interface FormatEntry {
  load: () => Promise<Formatter>;
  /** The commands that offer this format; absent: every command. */
  commands?: readonly string[];
}

const FORMATS: Record<string, FormatEntry> = {
  pretty: { load: async () => (await import('./pretty.js')).formatPretty },
  json: { load: async () => (await import('./json.js')).formatJson },
  sarif: { load: async () => (await import('./sarif.js')).formatSarif },
  github: { load: async () => (await import('./github.js')).formatGithub },
  cyclonedx: { load: async () => (await import('./cyclonedx.js')).formatCycloneDx, commands: ['image'] },
  gitlab: { load: async () => (await import('./gitlab.js')).formatGitlab },
  junit: { load: async () => (await import('./junit.js')).formatJunit },
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
