import type { CheckDefinition } from '../types';
import lt001 from './aml-lt-001-workspace-resource-logs';
import lt002 from './aml-lt-002-online-endpoint-logs';
import lt003 from './aml-lt-003-key-vault-audit-logs';
import lt004 from './aml-lt-004-app-insights-workspace-based';
import lt005 from './aml-lt-005-defender-for-ai';
import lt006 from './aml-lt-006-defender-cspm';
import lt007 from './aml-lt-007-defender-for-storage';
import lt008 from './aml-lt-008-defender-for-key-vault';
import lt009 from './aml-lt-009-defender-for-containers';
import lt010 from './aml-lt-010-defender-for-resource-manager';
import lt011 from './aml-lt-011-activity-log-exported';
import lt012 from './aml-lt-012-defender-for-servers';
import lt013 from './aml-lt-013-defender-devops-connector';
import lt014 from './aml-lt-014-open-defender-recommendations';

/** The checks of this category, in id order. */
export const checks: readonly CheckDefinition[] = [lt001, lt002, lt003, lt004, lt005, lt006, lt007, lt008, lt009, lt010, lt011, lt012, lt013, lt014];
