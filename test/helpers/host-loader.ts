// Registers the 'host' loader for testRule: a rule test's `code` is JSON, a partial host model
// over the hardened baseline (test/helpers/host-describe.ts).
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { describeHost } from './host-describe.js';

registerLoader('host', (code) => describeHost(code, TEST_PATH));
