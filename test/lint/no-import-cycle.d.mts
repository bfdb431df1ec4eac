/** Types of no-import-cycle.mjs (plain JavaScript so ESLint loads it without a compiler). */
import type { Rule } from 'eslint';

export const noImportCycle: Rule.RuleModule;
