import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/healthcheck-tool-missing.js';

const run = (exitCode: number, output: string) => ({ exitCode, output });
const health = (status: string, ...log: { exitCode: number; output: string }[]) => JSON.stringify({ health: { defined: true, status, waitedMs: 1500, log } });

testRule(rule, {
  valid: [
    { code: health('healthy', run(0, '')), name: 'the check passes' },
    { code: health('unhealthy', run(1, 'curl: (7) Failed to connect to 127.0.0.1 port 8000')), name: 'the program runs and fails: the service, not the image' },
    { code: health('unhealthy', run(127, 'node: bad option')), name: 'exit 127 without a not-found message' },
    { code: health('unhealthy', run(1, 'GET /health: not found')), name: 'the check\'s own output says not found' },
    { code: '{"health":{"defined":false,"status":null,"waitedMs":0}}', name: 'no healthcheck' },
    { code: health('starting'), name: 'no run logged yet' },
  ],
  invalid: [
    {
      code: health('starting', run(-1, 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown')),
      errors: [{ field: 'State.Health.Log', severity: 'error', message: 'the health check cannot pass: the image has no curl (1 of 1 logged run failed so, health starting; exit -1: OCI runtime exec failed' }],
      name: 'exec form in an image without curl (the engine cannot start it)',
    },
    {
      code: health('unhealthy', run(-1, 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown')),
      errors: [{ field: 'State.Health.Log', message: 'the image has no /bin/sh' }],
      name: 'shell form in an image without a shell (distroless)',
    },
    { code: health('unhealthy', run(127, '/bin/sh: curl: not found'), run(127, '/bin/sh: curl: not found')), errors: [{ field: 'State.Health.Log', message: 'the image has no curl (2 of 2 logged runs failed so, health unhealthy; exit 127: /bin/sh: curl: not found)' }], name: 'busybox sh' },
    { code: health('unhealthy', run(127, 'sh: 1: wget: not found')), errors: [{ field: 'State.Health.Log', message: 'the image has no wget' }], name: 'dash' },
    { code: health('unhealthy', run(1, '/bin/sh: curl: not found')), errors: [{ field: 'State.Health.Log', message: 'the image has no curl' }], name: 'curl … || exit 1 turns 127 into 1' },
    { code: health('unhealthy', run(127, 'bash: line 1: curl: command not found')), errors: [{ field: 'State.Health.Log', message: 'the image has no curl' }], name: 'bash' },
  ],
});
