// Fake credentials that are structurally valid (right prefix, length, checksum, decodable
// parts), made at run time from a seed: no committed file holds a token, and none of these was
// ever issued by anyone.
import { base62, crc32 } from '../../src/secrets/tokens.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A small deterministic generator (mulberry32) so that tests are repeatable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chars(alphabet: string, n: number, seed: number): string {
  const r = random(seed);
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(r() * alphabet.length)];
  return out;
}

/** ghp_/gho_/ghs_… + 30 random characters + their CRC-32 in base 62. */
export function githubToken(seed: number, prefix = 'ghp'): string {
  const body = chars(ALNUM, 30, seed);
  return `${prefix}_${body}${base62(crc32(body), 6)}`;
}

/** The same shape with its last checksum character changed: a made-up token. */
export function badChecksum(token: string): string {
  const last = token[token.length - 1];
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

export function npmToken(seed: number): string {
  const body = chars(ALNUM, 30, seed);
  return `npm_${body}${base62(crc32(body), 6)}`;
}

export const githubFineGrained = (seed: number): string => `github_pat_${chars(ALNUM, 22, seed)}_${chars(ALNUM, 59, seed + 1)}`;
export const gitlabToken = (seed: number): string => `glpat-${chars(ALNUM, 20, seed)}`;
export const slackBotToken = (seed: number): string => `xoxb-${chars('0123456789', 12, seed)}-${chars('0123456789', 13, seed + 1)}-${chars(ALNUM, 24, seed + 2)}`;
export const stripeLiveKey = (seed: number): string => `sk_live_${chars(ALNUM, 24, seed)}`;
export const awsKeyId = (seed: number): string => `AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, seed)}`;
export const awsSecretKey = (seed: number): string => chars(`${ALNUM}/+`, 40, seed);
export const pypiToken = (seed: number): string => `pypi-AgEIcHlwaS5vcmc${chars(`${ALNUM}_-`, 70, seed)}`;

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export function jwt(seed: number, alg = 'HS256'): string {
  return `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: `user-${seed}`, iat: 1700000000 + seed }))}.${chars(`${ALNUM}_-`, 43, seed)}`;
}

/** A PEM block of the given type with random base64 lines (not a usable key). */
export function pemKey(seed: number, type = 'RSA ', lines = 6): string {
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(chars(B64, 64, seed + i));
  const dash = '-----';
  return `${dash}BEGIN ${type}PRIVATE KEY${dash}\n${body.join('\n')}\n${dash}END ${type}PRIVATE KEY${dash}\n`;
}
