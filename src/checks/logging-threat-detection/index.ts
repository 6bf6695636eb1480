import type { CheckDefinition } from '../types';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [];
