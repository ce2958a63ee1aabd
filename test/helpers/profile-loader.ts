// Registers the 'profile' loader for testRule. A rule test's `code` is the profile file's text,
// read by the real code: a seccomp profile (JSON), or, with a first line `#! apparmor`, an
// AppArmor profile checked by the real apparmor_parser (`#! apparmor not-installed` records a
// machine without it, the one case that cannot be caused here for real); `#! missing: REASON`
// is a profile file that could not be read; `#! run: {…}` adds verify --seccomp's evidence.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { checkSeccompProfile, missingProfile } from '../../src/targets/profile/seccomp.js';
import { loadAppArmorProfile } from '../../src/targets/profile/load.js';

registerLoader('profile', async (code) => {
  // `#! run: {…}` records what verify --seccomp saw when the image ran (the run itself is tested
  // on the real engine in test/commands/verify-seccomp.test.ts)
  const run = /^#! run: (.*)\n/.exec(code);
  if (run) {
    const model = checkSeccompProfile(code.slice(run[0].length), TEST_PATH);
    model.run = JSON.parse(run[1]) as NonNullable<typeof model.run>;
    return model;
  }
  const missing = /^#! missing: (.*)\n?/.exec(code);
  if (missing) return missingProfile('seccomp', TEST_PATH, missing[1]);
  const aa = /^#! apparmor( not-installed)?\n/.exec(code);
  if (aa) {
    if (aa[1]) return { kind: 'apparmor', path: TEST_PATH, text: code, json: null, jsonProblems: [], seccomp: null, apparmor: { parser: 'not-installed', errors: [] } };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tightship-aa-'));
    try {
      writeFileSync(path.join(dir, TEST_PATH), code);
      return await loadAppArmorProfile(path.join(dir, TEST_PATH), dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return checkSeccompProfile(code, TEST_PATH);
});
