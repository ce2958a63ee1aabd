import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/dangerous-port.js';

testRule(rule, {
  valid: [
    { code: "expose: 8000/tcp" },
    { code: "expose: 2222/tcp" },
  ],
  invalid: [
    { code: "expose: 22/tcp", errors: [{ field: 'config.ExposedPorts.22/tcp', message: "22/tcp" }] },
    { code: "expose: 2375/tcp", errors: [{ field: 'config.ExposedPorts.2375/tcp', message: "Docker API" }] },
    { code: "expose: 2376/tcp", errors: [{ field: 'config.ExposedPorts.2376/tcp', message: "Docker API" }] },
  ],
});
