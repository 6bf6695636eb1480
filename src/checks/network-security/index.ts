import type { CheckDefinition } from '../types';
import net001 from './aml-net-001-workspace-public-network-access-disabled';
import net002 from './aml-net-002-workspace-private-endpoint-approved';
import net003 from './aml-net-003-managed-network-approved-outbound';
import net004 from './aml-net-004-outbound-rules-reviewed';
import net005 from './aml-net-005-compute-network-isolated';
import net006 from './aml-net-006-compute-no-public-ip';
import net007 from './aml-net-007-compute-ssh-not-public';
import net008 from './aml-net-008-online-endpoint-not-public';
import net009 from './aml-net-009-online-deployment-egress-locked';
import net010 from './aml-net-010-linked-storage-not-public';
import net011 from './aml-net-011-linked-key-vault-not-public';
import net012 from './aml-net-012-linked-registry-not-public';
import net013 from './aml-net-013-linked-app-insights-not-public';
import net014 from './aml-net-014-ml-registry-not-public';
import net015 from './aml-net-015-workspace-public-access-ip-limited';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [
  net001, net002, net003, net004, net005, net006, net007, net008, net009, net010, net011, net012, net013, net014, net015,
];
