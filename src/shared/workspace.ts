/**
 * A workspace as the layers pass it around, and what resolving a typed name gives. Declared here, at the bottom,
 * because the collectors produce them (src/azure/resolve.ts) and the scan service, the lab, notifications, the
 * guard and the dialogs all use them.
 */

export interface WorkspaceRef {
  readonly id: string;
  readonly name: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
  readonly location: string;
}

/** A name that matched one workspace, several, or none: for several the caller asks the user to choose. */
export type Resolution =
  | { readonly kind: 'found'; readonly workspace: WorkspaceRef }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly WorkspaceRef[] }
  | { readonly kind: 'not_found'; readonly message: string };
