// Every dockerfile rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';

export const dockerfileRules: Rule[] = [];
