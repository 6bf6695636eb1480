/**
 * An admission's read, usable once: the budget was charged for one scan, so a second call is refused with
 * `refusal` instead of spending Azure reads nobody paid for. Shared by the guarded scans and watches handles.
 */
export function oneUse<A extends unknown[], R>(work: (...args: A) => Promise<R>, refusal: string): (...args: A) => Promise<R> {
  let used = false;
  return (...args) => {
    if (used) return Promise.reject(new Error(refusal));
    used = true;
    return work(...args);
  };
}
