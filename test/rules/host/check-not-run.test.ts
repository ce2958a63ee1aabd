import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/check-not-run.js';

testRule(rule, {
  valid: [{ code: '{}' }, { name: 'an absent containerd socket is not a check that failed', code: '{"env": {"contentTrust": "1"}}' }],
  invalid: [
    { code: '{"engine": {"ok": false, "reason": "the engine did not answer"}}', errors: [{ path: 'engine', message: 'could not check the engine (rootless, security options, cgroups, storage driver, version): the engine did not answer' }] },
    { code: '{"socketGroup": {"ok": false, "reason": "/etc/group is not readable (permission denied)"}, "commandLine": {"ok": false, "reason": "no dockerd process"}}', errors: [{ path: '/etc/group', message: 'who may use the Docker socket' }, { path: 'dockerd', message: 'command-line flags' }] },
    { code: '{"tlsFiles": {"ok": false, "reason": "/etc/docker is not readable (permission denied)"}, "daemonConfig": {"state": "unreadable", "reason": "permission denied"}}', errors: [{ path: '/etc/docker', message: 'TLS' }, { path: '/etc/docker/daemon.json', message: 'daemon configuration: permission denied' }] },
  ],
});
