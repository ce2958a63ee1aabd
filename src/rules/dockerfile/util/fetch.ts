// Downloads: curl/wget as the download rules see them: does the command write the body to stdout or to a
// file, and which file.
import type { ShellCommand } from '../../../targets/dockerfile/model.js';

export interface Download {
  cmd: ShellCommand;
  tool: 'curl' | 'wget';
  url: string | null;
  /** The output file; null when the body goes to stdout. */
  file: string | null;
}

const CURL_VALUE_SHORT = new Set(['o', 'd', 'H', 'u', 'x', 'X', 'A', 'e', 'b', 'c', 'E', 'F', 'K', 'm', 'r', 'T', 'U', 'w', 'Y', 'y', 'z', 'C', 'D', 'P', 'Q', 't']);
const CURL_VALUE_LONG = new Set(['output', 'data', 'data-binary', 'data-raw', 'data-urlencode', 'header', 'user', 'proxy', 'request', 'user-agent',
  'referer', 'cookie', 'cookie-jar', 'cert', 'form', 'config', 'max-time', 'range', 'upload-file', 'proxy-user', 'write-out', 'speed-limit',
  'speed-time', 'time-cond', 'continue-at', 'dump-header', 'ftp-port', 'quote', 'telnet-option', 'retry', 'retry-delay', 'retry-max-time',
  'connect-timeout', 'cacert', 'capath', 'key', 'output-dir', 'url', 'resolve', 'connect-to', 'interface', 'limit-rate', 'max-filesize', 'proto',
  'proto-redir', 'tlsv1', 'ciphers', 'oauth2-bearer', 'netrc-file', 'pinnedpubkey', 'create-file-mode']);
const WGET_VALUE_SHORT = new Set(['O', 'o', 'a', 'P', 'e', 'i', 'B', 't', 'T', 'w', 'Q', 'U', 'l', 'A', 'R', 'D', 'X', 'I']);
const WGET_VALUE_LONG = new Set(['output-document', 'output-file', 'append-output', 'directory-prefix', 'execute', 'input-file', 'base', 'tries',
  'timeout', 'wait', 'quota', 'user-agent', 'level', 'accept', 'reject', 'domains', 'header', 'user', 'password', 'http-user', 'http-password',
  'ca-certificate', 'certificate', 'private-key', 'post-data', 'post-file', 'referer', 'load-cookies', 'save-cookies', 'limit-rate', 'method',
  'body-data', 'body-file', 'bind-address', 'progress', 'ca-directory']);

function urlBase(url: string): string {
  const noQuery = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const i = noQuery.lastIndexOf('/');
  return i === -1 ? noQuery : noQuery.slice(i + 1);
}

/** The download a curl/wget command makes, or null for other commands. */
export function downloadOf(cmd: ShellCommand): Download | null {
  if (cmd.name !== 'curl' && cmd.name !== 'wget') return null;
  const curl = cmd.name === 'curl';
  const shortValue = curl ? CURL_VALUE_SHORT : WGET_VALUE_SHORT;
  const longValue = curl ? CURL_VALUE_LONG : WGET_VALUE_LONG;
  let url: string | null = null;
  let file: string | null = null;
  let remoteName = false;
  let dir: string | null = null;
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    const w = a[i];
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq === -1 ? w.slice(2) : w.slice(2, eq);
      let value = eq === -1 ? null : w.slice(eq + 1);
      if (value === null && longValue.has(name)) value = a[++i] ?? '';
      if (curl && name === 'output') file = value;
      if (curl && name === 'remote-name') remoteName = true;
      if (curl && name === 'output-dir') dir = value;
      if (curl && name === 'url') url = value;
      if (!curl && name === 'output-document') file = value;
      if (!curl && name === 'directory-prefix') dir = value;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      const body = w.slice(1);
      for (let k = 0; k < body.length; k++) {
        const letter = body[k];
        if (shortValue.has(letter)) {
          const value = body.slice(k + 1) || (a[++i] ?? '');
          if (letter === 'o' && curl) file = value;
          if (letter === 'O' && !curl) file = value;
          if (letter === 'P' && !curl) dir = value;
          break;
        }
        if (curl && letter === 'O') remoteName = true;
      }
      continue;
    }
    if (url === null) url = w;
  }
  if (curl) {
    if (file === null && remoteName && url) file = urlBase(url);
  } else if (file === null && url) {
    file = urlBase(url) || 'index.html';
  }
  if (file === '-' || file === '/dev/stdout') file = null;
  if (file !== null && dir && !file.startsWith('/')) file = `${dir.replace(/\/+$/, '')}/${file}`;
  return { cmd, tool: curl ? 'curl' : 'wget', url, file };
}

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'ash', 'dash', 'ksh', 'mksh', 'busybox']);
export const INTERPRETERS = new Set(['python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php']);

export function isInterpreter(name: string): boolean {
  return SHELLS.has(name) || INTERPRETERS.has(name) || /^python\d+(\.\d+)*$/.test(name);
}
