// Registers the 'container' loader for testRule: a rule test's `code` is JSON, a partial
// container model over the hardened baseline (test/helpers/container-describe.ts).
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { describeContainer } from './container-describe.js';

registerLoader('container', (code) => describeContainer(code, TEST_PATH));
