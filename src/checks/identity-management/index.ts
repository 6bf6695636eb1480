import type { CheckDefinition } from '../types';
import idm001 from './aml-idm-001-compute-local-auth-disabled';
import idm002 from './aml-idm-002-workspace-user-assigned-identity';
import idm003 from './aml-idm-003-system-datastores-identity-auth';
import idm004 from './aml-idm-004-datastores-no-stored-credentials';
import idm005 from './aml-idm-005-online-endpoint-entra-auth';
import idm006 from './aml-idm-006-linked-storage-shared-key-disabled';
import idm007 from './aml-idm-007-linked-registry-admin-user-disabled';
import idm008 from './aml-idm-008-linked-registry-anonymous-pull-disabled';
import idm009 from './aml-idm-009-linked-app-insights-local-auth-disabled';
import idm010 from './aml-idm-010-linked-key-vault-rbac';
import idm011 from './aml-idm-011-linked-storage-default-entra-auth';
import idm012 from './aml-idm-012-connections-entra-auth';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [idm001, idm002, idm003, idm004, idm005, idm006, idm007, idm008, idm009, idm010, idm011, idm012];
