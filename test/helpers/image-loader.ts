// Registers the 'image' loader for testRule: a rule test's `code` is an image description
// (src/targets/image/describe.ts), built into an ImageModel by the reader's own collector and merge.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { describeImage } from '../../src/targets/image/describe.js';

registerLoader('image', (code) => describeImage(code, TEST_PATH));
