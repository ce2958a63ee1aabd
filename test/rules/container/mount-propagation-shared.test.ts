import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/mount-propagation-shared.js';

testRule(rule, {
  valid: [
    { code: '{}' },
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/srv","destination":"/srv","readOnly":true,"propagation":"rslave"}]}}', name: 'slave propagation receives but does not send' },
  ],
  invalid: [
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/mnt/data","destination":"/data","readOnly":false,"propagation":"shared"}]}}', errors: [{ field: 'Mounts', imagePath: '/data', message: 'shared propagation' }], level: 'nonroot' },
  ],
});
