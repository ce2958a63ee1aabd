// Every container rule's documented examples: `bad` is flagged, `good` is not.
import '../../helpers/container-loader.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { containerRules } from '../../../src/rules/container/index.js';
import { lintSnippet } from '../../helpers/rule-tester.js';

describe('container rule examples', () => {
  for (const rule of containerRules) {
    it(`${rule.id}: bad is flagged, good is not`, async () => {
      assert.ok((await lintSnippet(rule, { code: rule.examples.bad })).length > 0, 'bad example not flagged');
      assert.deepEqual(await lintSnippet(rule, { code: rule.examples.good }), [], 'good example flagged');
    });
  }
});
