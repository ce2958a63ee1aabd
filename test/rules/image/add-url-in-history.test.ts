import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/add-url-in-history.js';

testRule(rule, {
  valid: [
    { code: "layer: ADD file:abc in /" },
    { code: "layer: COPY app /app # buildkit" },
  ],
  invalid: [
    { code: "layer: ADD https://example.com/a.tgz /opt/ # buildkit", errors: [{ field: 'history[0].created_by', layer: 0, message: "remote URL" }] },
    { code: "layer: ADD --chown=1:1 http://x.example/y /y # buildkit", errors: [{ field: 'history[0].created_by', layer: 0, message: "remote URL" }] },
  ],
});
