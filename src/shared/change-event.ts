/**
 * One change to an Azure resource, as every change source reports it (the Activity Log poller, the Event Grid
 * queue consumer, the sample environment): parsed at the source's edge, so that what follows never sees a payload.
 */

/** Who made the change: a person (display name and/or UPN) or an application (its app id). */
export type ChangeCaller =
  | { readonly kind: 'user'; readonly displayName?: string; readonly upn?: string }
  | { readonly kind: 'app'; readonly appId: string; readonly displayName?: string }
  | { readonly kind: 'unknown'; readonly text?: string };

export interface ChangeEvent {
  /** Unique per event (Activity Log `eventDataId`, Event Grid `id`): what dedupe keys on. */
  readonly id: string;
  /** The ARM id of the resource written, deleted or acted on. */
  readonly resourceId: string;
  /** `Microsoft.Storage/storageAccounts/write` */
  readonly operation: string;
  /** ISO time the change happened. */
  readonly time: string;
  readonly caller: ChangeCaller;
  /** `activity-log` | `event-grid` */
  readonly source: string;
  /**
   * The ARM operation's correlation id, which the Activity Log and Event Grid both carry (their event ids differ):
   * with the resource and the operation it recognises one change arriving through both sources.
   */
  readonly correlationId?: string;
}

/** `{ correlationId }` when the source gave a non-empty one, for spreading into a ChangeEvent. */
export function correlationOf(correlationId: string | undefined): { correlationId?: string } {
  const id = correlationId?.trim();
  return id === undefined || id === '' ? {} : { correlationId: id };
}

/** "Ada Lovelace (ada@contoso.com)", "app 1b6d…", or "someone unknown": how cards and logs name a caller. */
export function describeCaller(caller: ChangeCaller): string {
  switch (caller.kind) {
    case 'user':
      if (caller.displayName !== undefined && caller.upn !== undefined && caller.displayName !== caller.upn) return `${caller.displayName} (${caller.upn})`;
      return caller.displayName ?? caller.upn ?? 'a user';
    case 'app':
      return caller.displayName !== undefined ? `${caller.displayName} (app ${caller.appId})` : `app ${caller.appId}`;
    case 'unknown':
      return caller.text ?? 'someone unknown';
  }
}

const UPN_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const NAME_CLAIM = 'name';
const APP_ID_CLAIM = 'appid';
const ID_TYPE_CLAIM = 'idtyp';

/**
 * The caller from a change's `caller` string and token claims (Activity Log `claims`, Event Grid `data.claims`):
 * a token with a UPN is a person's; one without, carrying an `appid` (or `idtyp: app`), is a service principal's.
 */
export function callerFromClaims(caller: string | undefined, claims: Readonly<Record<string, string>>): ChangeCaller {
  const upn = claims[UPN_CLAIM] ?? (caller !== undefined && caller.includes('@') ? caller : undefined);
  const displayName = nonEmpty(claims[NAME_CLAIM]);
  const appId = nonEmpty(claims[APP_ID_CLAIM]);
  if (upn !== undefined && claims[ID_TYPE_CLAIM] !== 'app') return { kind: 'user', upn, ...(displayName !== undefined ? { displayName } : {}) };
  if (appId !== undefined) return { kind: 'app', appId, ...(displayName !== undefined ? { displayName } : {}) };
  if (displayName !== undefined) return { kind: 'user', displayName };
  return { kind: 'unknown', ...(nonEmpty(caller) !== undefined ? { text: caller } : {}) };
}

function nonEmpty(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t === undefined || t === '' ? undefined : t;
}
