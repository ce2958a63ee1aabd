import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TOKEN_KINDS, findTokens } from '../../src/secrets/tokens.js';

// Shape-valid but fake credentials, assembled from parts so the source holds no token literally.
const j = (...parts: string[]) => parts.join('');
const SAMPLES: Record<string, { text: string; secret: string }> = {
  'aws-access-key-id': { text: j('key=', 'AKIA', 'IOSFODNN7EXAMPLE'), secret: j('AKIA', 'IOSFODNN7EXAMPLE') },
  'github-token': { text: j('token ', 'ghp_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'), secret: j('ghp_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8') },
  'github-fine-grained-token': { text: j('github_pat_', '11ABCDEFG0Kd2LmPx4Rt7V_Zq8Kd2LmPx4Rt7Vw1Yb5Nc3Hj6Gf9Se0Ua2XZq8Kd2LmPx4Rt7Vw1Yb5Nc3'), secret: j('github_pat_', '11ABCDEFG0Kd2LmPx4Rt7V_Zq8Kd2LmPx4Rt7Vw1Yb5Nc3Hj6Gf9Se0Ua2XZq8Kd2LmPx4Rt7Vw1Yb5Nc3') },
  'gitlab-token': { text: j('PRIVATE-TOKEN: ', 'glpat-', 'x9Yz8Wv7Ut6Sr5Qp4On3'), secret: j('glpat-', 'x9Yz8Wv7Ut6Sr5Qp4On3') },
  'slack-token': { text: j('xoxb-', '123456789012-abcdefABCDEF'), secret: j('xoxb-', '123456789012-abcdefABCDEF') },
  'stripe-secret-key': { text: j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'), secret: j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc') },
  'npm-token': { text: j('//registry.npmjs.org/:_authToken=', 'npm_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'), secret: j('npm_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8') },
  'pypi-token': { text: j('pypi-', 'AgEIcHlwaS5vcmc', 'CJGQ2ZDk1YjE0LTRlYjItNDNmYy1hNzYwLWVmOGY0OGQ4YTZmMQACKlszLCJmZjE'), secret: j('pypi-', 'AgEIcHlwaS5vcmc', 'CJGQ2ZDk1YjE0LTRlYjItNDNmYy1hNzYwLWVmOGY0OGQ4YTZmMQACKlszLCJmZjE') },
  'docker-hub-token': { text: j('dckr_pat_', 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1'), secret: j('dckr_pat_', 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1') },
  'huggingface-token': { text: j('HF=', 'hf_', 'abcdefghijklmnopqrstuvwxyzABCDEFGH'), secret: j('hf_', 'abcdefghijklmnopqrstuvwxyzABCDEFGH') },
  'google-api-key': { text: j('AIza', 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'), secret: j('AIza', 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q') },
  'sendgrid-key': { text: j('SG.', 'ngeVfQFYQlKU0ufo8x5d1A', '.', 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr'), secret: j('SG.', 'ngeVfQFYQlKU0ufo8x5d1A', '.', 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr') },
  jwt: { text: j('Bearer-less ', 'eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'), secret: j('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U') },
  'private-key': { text: j('-----BEGIN ', 'OPENSSH PRIVATE KEY-----\nb3Blbn'), secret: j('-----BEGIN ', 'OPENSSH PRIVATE KEY-----') },
  'url-credentials': { text: 'postgres://app:hunter2pass@db:5432/app', secret: 'hunter2pass' },
  'authorization-header': { text: 'curl -H "authorization: Basic dXNlcjpwYXNzd29yZA==" https://x', secret: 'dXNlcjpwYXNzd29yZA==' },
};

describe('secrets/tokens', () => {
  it('has a sample for every kind (extend SAMPLES with the table)', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), TOKEN_KINDS.map((t) => t.kind).sort());
  });
  for (const t of TOKEN_KINDS) {
    it(`finds ${t.kind} and locates only the secret`, () => {
      const s = SAMPLES[t.kind];
      const found = findTokens(s.text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0].kind, t.kind);
      assert.equal(s.text.slice(found[0].index, found[0].index + found[0].length), s.secret);
      assert.ok(!t.hint || t.hint.test(s.text), 'the hint must match wherever the kind does');
    });
  }
  it('ignores placeholders, variables and look-alikes', () => {
    for (const text of [
      'postgres://app:${DB_PASSWORD}@db/app',
      'https://user:changeme@example.com/',
      'https://example.com/path:with@sign',
      'Authorization: Bearer $TOKEN',
      'ghp_short',
      'AKIAshort',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'eyJ-not-a-jwt',
    ]) assert.deepEqual(findTokens(text), [], text);
  });
  it('reports overlapping matches once, in text order', () => {
    const gl = j('glpat-', 'x9Yz8Wv7Ut6Sr5Qp4On3');
    const text = `git clone https://oauth2:${gl}@gitlab.com/o/r.git; echo ${j('AKIA', 'IOSFODNN7EXAMPLE')}`;
    assert.deepEqual(findTokens(text).map((f) => f.kind), ['gitlab-token', 'aws-access-key-id']);
  });
});
