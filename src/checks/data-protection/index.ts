import type { CheckDefinition } from '../types';
import dp001 from './aml-dp-001-workspace-cmk';
import dp002 from './aml-dp-002-hbi-workspace';
import dp003 from './aml-dp-003-key-vault-recoverable';
import dp004 from './aml-dp-004-storage-secure-transport';
import dp005 from './aml-dp-005-storage-no-anonymous-blob';
import dp006 from './aml-dp-006-storage-no-cross-tenant-replication';
import dp007 from './aml-dp-007-storage-registry-cmk';
import dp008 from './aml-dp-008-registry-export-disabled';
import dp009 from './aml-dp-009-cmk-key-rotation';
import dp010 from './aml-dp-010-approved-registry-models';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [dp001, dp002, dp003, dp004, dp005, dp006, dp007, dp008, dp009, dp010];
