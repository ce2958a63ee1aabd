// Registers the 'image' loader for testRule: a rule test's `code` is an image description
// (test/helpers/image-describe.ts), built into an ImageModel by the reader's own collector and merge.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { describeImage } from './image-describe.js';

registerLoader('image', (code) => describeImage(code, TEST_PATH));
