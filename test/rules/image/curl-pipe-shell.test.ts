import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/curl-pipe-shell.js';

testRule(rule, {
  valid: [
    { code: "layer: RUN curl -fsSLo /tmp/x https://e.example/x && sh /tmp/x" },
    { code: "layer: RUN curl -s https://e.example/x | tar xz" },
  ],
  invalid: [
    { code: "layer: RUN curl -fsSL https://get.example.com | sh", errors: [{ field: 'history[0].created_by', layer: 0, message: "pipes a download" }] },
    { code: "layer: RUN wget -qO- https://e.example/i | sudo bash", errors: [{ field: 'history[0].created_by', layer: 0, message: "pipes a download" }] },
  ],
});
