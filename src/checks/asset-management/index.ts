import type { CheckDefinition } from '../types';
import am001 from './aml-am-001-compute-idle-shutdown';
import am002 from './aml-am-002-cluster-scales-to-zero';
import am003 from './aml-am-003-ml-policies-assigned';
import am004 from './aml-am-004-allowed-types-locations-policy';
import am005 from './aml-am-005-mcsb-initiative-assigned';
import am006 from './aml-am-006-policy-compliance';
import am007 from './aml-am-007-ownership-classification-tags';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [am001, am002, am003, am004, am005, am006, am007];
