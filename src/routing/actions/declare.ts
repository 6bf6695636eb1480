/**
 * How a feature declares its card actions: once, as `name → verb`, every verb prefixed with the feature's name
 * (the bot hands `scan.*` to the scan feature). Cards import the declaration to put verbs on buttons, the
 * feature's handler map is typed by it (one handler per verb, checked by the compiler), and the bot's payload
 * schemas are keyed by the same family names.
 */

/** A feature's card actions: a short name for code, the verb on the wire. */
export type ActionDeclaration<F extends string = string> = Readonly<Record<string, `${F}.${string}`>>;

/** The verbs of a declaration. */
export type VerbOf<D extends ActionDeclaration> = D[keyof D];

/** One handler per declared verb: a verb without one, or a handler for a verb not declared, does not compile. */
export type VerbHandlers<D extends ActionDeclaration, H> = { readonly [V in VerbOf<D>]: H };

/** Declares `feature`'s actions; the type keeps every verb literal and demands the `feature.` prefix. */
export function declareActions<const F extends string, const D extends ActionDeclaration<F>>(feature: F, verbs: D): D {
  for (const verb of Object.values(verbs)) {
    if (!verb.startsWith(`${feature}.`)) throw new Error(`The verb ${verb} is not one of ${feature}'s.`);
  }
  return Object.freeze({ ...verbs });
}
