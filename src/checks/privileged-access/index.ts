import type { CheckDefinition } from '../types';
import pra001 from './aml-pra-001-no-privileged-service-principals-at-subscription';
import pra002 from './aml-pra-002-linked-key-vault-access-policies-least-privilege';
import pra003 from './aml-pra-003-no-owner-equivalent-custom-roles';
import pra004 from './aml-pra-004-privileged-roles-assigned-to-groups';
import pra005 from './aml-pra-005-workspace-identity-required-roles';
import pra006 from './aml-pra-006-subscription-owners-limited';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [pra001, pra002, pra003, pra004, pra005, pra006];
