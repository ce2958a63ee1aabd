import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/effective-capabilities.js';

testRule(rule, {
  valid: [
    { code: '{}' },
    { code: '{"hostConfig":{"capDrop":["ALL"]},"capabilities":{"ok":true,"method":"sh","value":{"effectiveHex":"0","permittedHex":"0","boundingHex":"400","effective":[],"permitted":[],"bounding":["NET_BIND_SERVICE"]}}}', name: 'cap_drop ALL with one added back in the bounding set' },
  ],
  invalid: [
    { code: '{"capabilities":{"ok":true,"method":"sh","value":{"effectiveHex":"00000000a80425fb","permittedHex":"00000000a80425fb","boundingHex":"00000000a80425fb","effective":["CHOWN","NET_RAW"],"permitted":["CHOWN","NET_RAW"],"bounding":["CHOWN","NET_RAW"]}}}', errors: [{ field: 'CapEff', message: '2 effective capabilities: CHOWN, NET_RAW', severity: 'warning' }] },
    { code: '{"hostConfig":{"capDrop":[]},"capabilities":{"ok":true,"method":"sh","value":{"effectiveHex":"0","permittedHex":"0","boundingHex":"1","effective":[],"permitted":[],"bounding":["CHOWN"]}}}', name: 'non-root with the default bounding set', errors: [{ field: 'CapBnd', message: 'bounding set still holds 1', severity: 'info' }] },
    { code: '{"capabilities":{"ok":false,"reason":"no shell and no node"}}', errors: [{ field: 'probe', message: 'could not verify the capabilities' }] },
  ],
});
