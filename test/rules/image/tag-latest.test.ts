import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/tag-latest.js';

testRule(rule, {
  valid: [
    { name: 'a version tag', code: 'name: shop/api:2.0.1' },
    { name: 'a registry with a port and a version tag', code: 'name: registry.local:5000/shop/api:2.0.1' },
    { name: 'a digest', code: 'name: shop/api@sha256:' + 'a'.repeat(64) },
    { name: 'no name known (saved by ID)', code: 'user: 1' },
  ],
  invalid: [
    { name: 'latest', code: 'name: shop/api:latest', errors: [{ field: 'RepoTags', message: 'tagged shop/api:latest' }], level: 'nonroot' },
    { name: 'no tag behind a registry port', code: 'name: registry.local:5000/shop/api', errors: [{ field: 'RepoTags', message: 'has no tag' }] },
  ],
});
