// Well-known credential shapes, as one table. A value that matches one of these is a real
// credential with very high probability, whatever the variable it sits in is called.
// Extend the table (not the code) to recognise more kinds.
import { assessValue, isPlaceholder } from './names.js';
import { characterClasses, entropy, type Confidence } from './confidence.js';

export interface TokenKind {
  /** Stable identifier, e.g. github-token. */
  kind: string;
  /** Human name used in messages. */
  label: string;
  /** Global regex. When it has a named group `secret`, only that group is the secret. */
  regex: RegExp;
  /** A cheap regex that matches wherever `regex` can (usually its fixed prefix): a text with no
   *  kind's hint is dismissed in one scan. When any kind lacks a hint, every kind is run. */
  hint?: RegExp;
  /** How the format proves itself: `checksum` (a CRC32 inside the token), `structure` (fixed
   *  prefix and layout, decodable parts), `prefix` (a prefix and a length only). */
  evidence: 'checksum' | 'structure' | 'prefix' | 'context';
  /** Checks the matched secret beyond the regex (checksum, decodable parts). Returns the
   *  confidence the match earns; absent: `verified` when the body looks random. */
  verify?: (secret: string) => Confidence;
}

// ---------------------------------------------------------------------------------------------
// Checks

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, the zlib one) of an ASCII string. */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < text.length; i++) c = CRC_TABLE[(c ^ text.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A number in base 62 (digits, upper, lower), left-padded with zeros to `width`. */
export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  do {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/** GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens end in six base-62 characters:
 *  the CRC-32 of the 30 random characters between the prefix and them. */
export function hasValidCrc(secret: string, prefixLength: number): boolean {
  const body = secret.slice(prefixLength);
  if (body.length < 7) return false;
  const random = body.slice(0, -6);
  return base62(crc32(random), 6) === body.slice(-6);
}

function randomLooking(body: string): boolean {
  if (/(.)\1{5,}/.test(body) || /example|sample|dummy|fake|test|xxxx/i.test(body)) return false;
  if (/^(?:0123456789|abcdef|ABCDEF)/.test(body) || /abcdefghij|ABCDEFGHIJ|0123456789/.test(body)) return false;
  return characterClasses(body) >= 2 && entropy(body) >= 3;
}

function decodeBase64Url(part: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return null;
  }
}

function jsonObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The claims of the sample token documentation copies (jwt.io's: subject 1234567890, John Doe,
 *  issued at 1516239022), or claims whose values say they are made up. */
function sampleClaims(payload: Record<string, unknown>): boolean {
  if (payload.sub === '1234567890' || payload.name === 'John Doe' || payload.iat === 1516239022) return true;
  const strings = Object.values(payload).filter((v): v is string => typeof v === 'string');
  return strings.length > 0 && strings.every((v) => /^(?:example|sample|dummy|fake)\b/i.test(v) || isPlaceholder(v));
}

/** A JWT: header and payload decode to JSON objects, the header names a signing algorithm,
 *  and a signature follows. An unsigned token (`alg: none`) is no credential, nor is the sample
 *  token of the documentation. */
function verifyJwt(secret: string): Confidence {
  const [h = '', p = '', sig] = secret.split('.');
  const header = jsonObject(decodeBase64Url(h));
  const payload = jsonObject(decodeBase64Url(p));
  if (!header || !payload || typeof header.alg !== 'string') return 'possible';
  if (header.alg.toLowerCase() === 'none' || !sig || sig.length < 16) return 'possible';
  if (sampleClaims(payload)) return 'possible';
  return 'verified';
}

const prefixed = (prefixLength: number) => (secret: string): Confidence =>
  randomLooking(secret.slice(prefixLength)) ? 'verified' : 'possible';

const checksummed = (prefixLength: number) => (secret: string): Confidence =>
  hasValidCrc(secret, prefixLength) ? 'verified' : 'possible';

/** A literal in a place that only holds credentials (a URL's password, an Authorization
 *  header): `likely` unless it is a word or a default (`postgres:postgres@`). */
function literalWorth(secret: string): Confidence {
  const v = assessValue(secret);
  return v === 'strong' || v === 'weak' ? 'likely' : 'possible';
}

export const TOKEN_KINDS: readonly TokenKind[] = [
  { kind: 'aws-access-key-id', label: 'AWS access key id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g, hint: /A(?:KIA|SIA|BIA|CCA)/, evidence: 'context',
    // an access key id alone identifies a key; it is proven a credential by its secret beside it
    verify: (s) => (randomLooking(s.slice(4)) ? 'likely' : 'possible') },
  { kind: 'github-token', label: 'GitHub token', regex: /\bgh[pousr]_[A-Za-z0-9]{36}\b/g, hint: /gh[pousr]_/, evidence: 'checksum', verify: checksummed(4) },
  { kind: 'github-fine-grained-token', label: 'GitHub fine-grained token', regex: /\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b/g, hint: /github_pat_/, evidence: 'structure', verify: prefixed(11) },
  { kind: 'gitlab-token', label: 'GitLab token', regex: /\bgl(?:pat|dt|rt|ptt|cbt|oas|soat|ffct|agent)-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_.-]+)?/g, hint: /gl(?:pat|dt|rt|ptt|cbt|oas|soat|ffct|agent)-/, evidence: 'prefix', verify: (s) => prefixed(s.indexOf('-') + 1)(s) },
  { kind: 'slack-token', label: 'Slack token', regex: /\bxox[baprs]-[A-Za-z0-9-]{10,}/g, hint: /xox[baprs]-/, evidence: 'structure',
    // xoxb-<team number>-<bot number>-<24 random>; user tokens carry one more number
    verify: (s) => (/^xox[baprs]-\d{8,14}-\d{8,14}(?:-\d{8,14})?-[A-Za-z0-9]{24,34}$/.test(s) && randomLooking(s.slice(s.lastIndexOf('-') + 1)) ? 'verified' : 'likely') },
  { kind: 'stripe-secret-key', label: 'Stripe live secret key', regex: /\b[rs]k_live_[A-Za-z0-9]{24,247}\b/g, hint: /k_live_/, evidence: 'prefix', verify: prefixed(8) },
  { kind: 'npm-token', label: 'npm access token', regex: /\bnpm_[A-Za-z0-9]{36}\b/g, hint: /npm_/, evidence: 'checksum', verify: checksummed(4) },
  { kind: 'pypi-token', label: 'PyPI token', regex: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g, hint: /pypi-/, evidence: 'structure',
    // the fixed prefix is the start of a macaroon whose location is pypi.org
    verify: (s) => ((decodeBase64Url(s.slice(5, 25)) ?? '').includes('pypi.org') && randomLooking(s.slice(20)) ? 'verified' : 'possible') },
  { kind: 'docker-hub-token', label: 'Docker Hub access token', regex: /\bdckr_pat_[A-Za-z0-9_-]{27,}/g, hint: /dckr_pat_/, evidence: 'prefix', verify: prefixed(9) },
  { kind: 'huggingface-token', label: 'Hugging Face token', regex: /\bhf_[A-Za-z]{34}\b/g, hint: /hf_/, evidence: 'prefix', verify: prefixed(3) },
  { kind: 'google-api-key', label: 'Google API key', regex: /\bAIza[0-9A-Za-z_-]{35}\b/g, hint: /AIza/, evidence: 'prefix', verify: prefixed(4) },
  { kind: 'sendgrid-key', label: 'SendGrid API key', regex: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g, hint: /SG\./, evidence: 'structure', verify: prefixed(3) },
  { kind: 'jwt', label: 'JSON Web Token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, hint: /eyJ/, evidence: 'structure', verify: verifyJwt },
  {
    kind: 'private-key',
    label: 'private key',
    // the header only: findTokens extends the match over the key body (see keyBlockEnd), so the
    // whole block is the secret and redaction hides the body, not just the header
    regex: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED |SSH2 )?PRIVATE KEY(?: BLOCK)?-----/g,
    hint: /-----BEGIN /,
    evidence: 'structure',
  },
  {
    kind: 'url-credentials',
    label: 'password in a URL',
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'$]+:(?<secret>[^\s@/"'$]+)@[^\s"']/gi,
    hint: /:\/\/[^\s:@/"'$]+:/,
    evidence: 'context',
    verify: literalWorth,
  },
  {
    kind: 'authorization-header',
    label: 'Authorization header',
    regex: /\bAuthorization:\s*(?:Bearer|Basic|token)\s+(?<secret>[A-Za-z0-9._~+/=-]{8,})/gi,
    hint: /[Aa][Uu][Tt][Hh][Oo][Rr][Ii][Zz][Aa][Tt][Ii][Oo][Nn]:/,
    evidence: 'context',
    verify: literalWorth,
  },
];

const COMPILED: readonly (TokenKind & { hasSecretGroup: boolean })[] = TOKEN_KINDS.map((t) => {
  const hasSecretGroup = t.regex.source.includes('(?<secret>');
  const flags = hasSecretGroup && !t.regex.flags.includes('d') ? t.regex.flags + 'd' : t.regex.flags;
  return { ...t, regex: new RegExp(t.regex.source, flags), hasSecretGroup };
});
const HINTS = TOKEN_KINDS.flatMap((t) => (t.hint ? [t.hint] : []));
const HINT: RegExp | null = HINTS.length === TOKEN_KINDS.length
  ? new RegExp(HINTS.map((hint) => `(?:${hint.source})`).join('|'))
  : null;

export interface FoundToken {
  kind: string;
  label: string;
  /** Offset of the secret in the text. */
  index: number;
  length: number;
  /** What the evidence is worth: see confidence.ts. */
  confidence: Confidence;
}

/** Every credential-shaped substring of text, in order, without overlaps. Values that are
 *  placeholders (`$VAR`, `changeme`, …) are not reported for the kinds that capture a `secret` group. */
export function findTokens(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  // every kind needs at least 8 characters
  if (text.length < 8) return found;
  if (HINT && !HINT.test(text) && !AWS_HINT.test(text)) return found;
  for (const t of COMPILED) {
    // a kind whose hint is not in the text has no match in it (the hint matches wherever the
    // kind can): a text that passed the joint hint is searched only for the kinds it hints at
    if (t.hint && !t.hint.test(text)) continue;
    // matchAll works on a copy of the regex, so the shared compiled one keeps no state
    for (const m of text.matchAll(t.regex)) {
      const group = t.hasSecretGroup ? m.indices?.groups?.secret : undefined;
      const [start, matchEnd] = group ?? [m.index, m.index + m[0].length];
      const end = t.kind === 'private-key' ? keyBlockEnd(text, matchEnd) : matchEnd;
      const value = text.slice(start, end);
      if (group && (isPlaceholder(value) || assessValue(value) === 'code')) continue;
      const confidence = t.kind === 'private-key' ? (end - matchEnd >= 20 ? 'verified' : 'possible')
        : t.verify ? t.verify(value) : 'verified';
      found.push({ kind: t.kind, label: t.label, index: start, length: end - start, confidence });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: FoundToken[] = [];
  let end = -1;
  for (const f of found) {
    if (f.index < end) continue;
    out.push(f);
    end = f.index + f.length;
  }
  pairAwsKeys(text, out);
  return out;
}

/** Where a private key block that starts before `from` ends: after its END line when one
 *  follows, else after the base64 body (lines, `\\n` escapes, quotes of a shell or JSON
 *  string). `from` itself when no body follows (a header quoted in documentation). */
export function keyBlockEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 64 * 1024);
  let i = from;
  let body = 0;
  let end = from;
  const sep = /^(?:\\[nrt]|[\r\n\t "',|+]|\\)+/;
  const header = /^[A-Za-z-]+: ?[^\n\\]*/; // Proc-Type:, DEK-Info:, Comment: lines
  while (i < limit) {
    const rest = text.slice(i, Math.min(limit, i + 256));
    const s = sep.exec(rest);
    if (s) { i += s[0].length; continue; }
    if (body === 0) {
      const h = header.exec(rest);
      if (h) { i += h[0].length; continue; }
    }
    const footer = /^-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/.exec(rest);
    if (footer) return body >= 20 ? i + footer[0].length : from;
    const b = /^[A-Za-z0-9+/=]+/.exec(rest);
    if (!b) break;
    body += b[0].length;
    i += b[0].length;
    end = i;
  }
  return body >= 20 ? end : from;
}

const AWS_HINT = /secret_?access_?key|aws_?secret/i;
const AWS_SECRET = /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key|SecretAccessKey)["']?\s*(?:[:=]|=>|\s)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi;

/** An AWS access key id is verified by its secret access key in the same text: the pair is the
 *  credential. The secret is added as its own token (it must be redacted too). */
function pairAwsKeys(text: string, found: FoundToken[]): void {
  const ids = found.filter((f) => f.kind === 'aws-access-key-id');
  if (ids.length === 0 && !/secret_?access_?key|aws_?secret/i.test(text)) return;
  for (const m of text.matchAll(AWS_SECRET)) {
    const value = m[1];
    if (!randomLooking(value) || characterClasses(value) < 3) continue;
    const index = m.index + m[0].length - value.length;
    if (found.some((f) => index < f.index + f.length && f.index < index + value.length)) continue;
    const paired = ids.some((id) => Math.abs(id.index - index) < 2000 && id.confidence !== 'possible');
    found.push({ kind: 'aws-secret-access-key', label: 'AWS secret access key', index, length: value.length, confidence: paired ? 'verified' : 'likely' });
    if (paired) for (const id of ids) if (Math.abs(id.index - index) < 2000 && id.confidence !== 'possible') id.confidence = 'verified';
  }
  found.sort((a, b) => a.index - b.index);
}
