// Text bound for a terminal, made inert. File names, source lines, messages quoting them and
// evidence from a container are not ours: an escape sequence in them (`\x1b[2J` clears the
// screen, OSC 8 forges a link, OSC 52 writes the clipboard), a carriage return or a newline
// would act on the terminal or forge a report line. Each such character becomes one visible
// character, so the columns of a code frame stay where they were:
// - C0 controls and DEL → their Unicode control pictures (ESC → ␛, LF → ␊, CR → ␍, DEL → ␡);
// - C1 controls (U+0080–U+009F, which some terminals read as CSI and OSC) → U+FFFD;
// - the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what
//   is shown ("Trojan Source") → U+FFFD;
// - U+2028 and U+2029, which some terminals break lines at → U+FFFD.
// A tab is kept where a caller asks (code frames expand it themselves).

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\uFFFD';
}

/** The text with every character that could act on a terminal replaced by a visible one. */
export function terminalText(s: string, keepTabs = false): string {
  const re = keepTabs ? UNSAFE_BUT_TAB : UNSAFE;
  re.lastIndex = 0;
  return re.test(s) ? s.replace(re, picture) : s;
}

/** A copy of plain data (results, notes, facts) with every string made inert; other values kept. */
export function terminalData<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => terminalData(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalData(v);
    return out as T;
  }
  return value;
}
