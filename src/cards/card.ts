/**
 * An Adaptive Card (schema 1.5) as plain JSON. Structurally the same type as the dialogs' port uses, declared
 * here so that cards depend on nothing above them.
 */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}
