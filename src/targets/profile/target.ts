// The profile target: seccomp profiles (Docker's JSON format) and AppArmor profile files, as
// named by compose `security_opt`, `docker run --security-opt`, daemon.json `seccomp-profile` or
// `verify --seccomp`, or found by lint (a JSON file with "defaultAction"). JSON has no comments:
// a rule is silenced in the config.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../../io.js';
import type { LoadOptions, Target } from '../../engine/target.js';
import type { ProfileModel, ProfileReference } from './model.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    profile: ProfileModel;
  }
}

export interface ProfileInput {
  path: string;
  kind: 'seccomp' | 'apparmor';
  referencedBy?: ProfileReference;
}

export const profileTarget: Target<ProfileModel, ProfileInput> = {
  kind: 'profile',
  detect(p: string, head?: string): boolean {
    if (!/\.json$/i.test(p)) return false;
    let text = head;
    if (text === undefined) {
      try {
        text = readFileSync(p, 'utf8').slice(0, 65536);
      } catch {
        return false;
      }
    }
    return /"defaultAction"\s*:/.test(text) && /"syscalls"\s*:/.test(text);
  },
  async load(_io: IO, input: ProfileInput, options: LoadOptions): Promise<ProfileModel> {
    const { loadAppArmorProfile, loadSeccompProfile } = await import('./load.js');
    const abs = path.resolve(options.cwd, input.path);
    return input.kind === 'apparmor' ? loadAppArmorProfile(abs, options.cwd, input.referencedBy) : loadSeccompProfile(abs, options.cwd, input.referencedBy);
  },
  suppression: { inline: null },
};
