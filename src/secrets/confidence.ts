// How sure a secret finding is, and what that means for its severity. One table for every rule
// that reports secrets, so the same evidence gets the same level everywhere.
import type { Severity } from '../engine/types.js';

/**
 * - `verified`: a known token shape whose checksum or structure was checked (GitHub and npm
 *   CRC32, a JWT whose header decodes to JSON with `alg`, an AWS key id with its secret beside it…),
 *   or a private key with a key body. An error.
 * - `likely`: evidence without proof: a secret-named setting whose value looks like a secret
 *   (length, character classes, entropy), a URL with a literal password, a bearer token, a
 *   known prefix whose checksum is absent. A warning.
 * - `possible`: a weak signal: a secret-named setting with a short or word-like literal, a
 *   known prefix whose checksum fails (a made-up token), anything unverified in a test or
 *   fixture folder. Info.
 */
export type Confidence = 'verified' | 'likely' | 'possible';

const SEVERITY: Record<Confidence, Severity> = { verified: 'error', likely: 'warning', possible: 'info' };

/** The severity a finding of this confidence gets (rules with an `error` default). */
export function severityFor(confidence: Confidence): Severity {
  return SEVERITY[confidence];
}

const RANK: Record<Confidence, number> = { possible: 0, likely: 1, verified: 2 };

/** The lower of two confidences. */
export function atMost(c: Confidence, cap: Confidence): Confidence {
  return RANK[c] <= RANK[cap] ? c : cap;
}

/** Shannon entropy of a string, in bits per character. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of lower case, upper case, digits and other characters a value uses. */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
}

/** Files under a test or fixture folder (or named as a test): their secrets are test data
 *  unless proven real, so unverified findings there are at most `possible`. */
const TEST_PATH = /(^|\/)(tests?|__tests__|__mocks__|spec|specs|fixtures?|testdata|test-data|examples?|samples?|e2e)(\/|$)|(^|\/)[^/]*[._-](test|spec|fixture|example|sample)s?(\.[^/]*)?$/i;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path.replace(/\\/g, '/'));
}
