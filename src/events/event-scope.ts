/**
 * Whether a change can concern anything under some scopes, from its resource id alone (no I/O, so events are
 * dropped before any store or ARM request): its subscription is one the scopes are in. Not narrower: a watched
 * workspace's linked storage account or vault may sit in another resource group, and a role assignment or Defender
 * plan above the workspace affects it too; the read table decides the rest (affected-reads.ts).
 */
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)/i;

const subscriptionOf = (id: string): string | undefined => SUBSCRIPTION.exec(id)?.[1]?.toLowerCase();

/** A predicate over resource ids, for the subscriptions of `scopes` (resource ids or scopes). */
export function inSubscriptionsOf(scopes: readonly string[]): (resourceId: string) => boolean {
  const subscriptions = new Set(scopes.flatMap((s) => subscriptionOf(s) ?? []));
  return (resourceId) => {
    const subscription = subscriptionOf(resourceId);
    return subscription !== undefined && subscriptions.has(subscription);
  };
}
