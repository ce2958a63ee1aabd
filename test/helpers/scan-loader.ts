// Registers the real scan loader for testRule: a snippet is a scan report's text, checked against
// the image the rule examples are about, at a fixed "now" (2026-01-02) and the default gate.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { scanModelOf } from '../../src/targets/scan/audit.js';
import { DEFAULT_GATE } from '../../src/targets/scan/model.js';
import { isLoadError } from '../../src/engine/target.js';
import { EXAMPLE_IMAGE, EXAMPLE_IMAGE_ID } from '../../src/rules/scan/examples.js';

registerLoader('scan', (code) => {
  const m = scanModelOf(`${TEST_PATH}.json`, code, {
    gate: DEFAULT_GATE, now: '2026-01-02T00:00:00Z', subjects: [{ name: EXAMPLE_IMAGE, imageId: EXAMPLE_IMAGE_ID, repoDigests: [] }],
  });
  if (isLoadError(m)) throw new Error(m.loadError);
  return m;
});
