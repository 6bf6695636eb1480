import type { CheckDefinition } from '../types';
import br001 from './aml-br-001-storage-blob-recovery';
import br002 from './aml-br-002-registry-soft-delete';
import br003 from './aml-br-003-workspace-soft-delete';
import br004 from './aml-br-004-storage-geo-redundant';
import br005 from './aml-br-005-key-vault-retention';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [br001, br002, br003, br004, br005];
