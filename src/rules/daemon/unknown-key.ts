import { defineRule } from '../../engine/types.js';
import { didYouMean } from '../../engine/did-you-mean.js';
import { DAEMON_KEYS } from '../../targets/daemon/model.js';
import { reportSetting } from '../../targets/daemon/rule-helpers.js';

const KNOWN = new Set(DAEMON_KEYS);

export default defineRule({
  id: 'daemon/unknown-key',
  target: 'daemon',
  title: 'daemon.json names only keys dockerd knows',
  severity: 'error',
  level: 'hardened',
  rationale: 'A misspelt key does not do what it says: current engines refuse to start on it, older ones ignore it, and either way the setting meant to harden the host (`"no-new-privilege"`, `"userns_remap"`) is not in force.',
  remediation: 'Use the key as dockerd\'s reference spells it (the finding suggests the closest one).',
  references: ['https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file'],
  equivalents: {},
  examples: { bad: '{\n  "no-new-privilege": true\n}\n', good: '{\n  "no-new-privileges": true\n}\n' },
  check(model, ctx) {
    for (const s of model.settings) {
      if (s.flag || KNOWN.has(s.key)) continue;
      const near = didYouMean(s.key, DAEMON_KEYS);
      reportSetting(ctx, s, `unknown daemon.json key "${s.key}"${near ? `; did you mean "${near}"?` : ''}: dockerd does not apply it`);
    }
  },
});
