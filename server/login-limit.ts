/**
 * The limit on failed sign-ins per client, as one function the server asks.
 * The abuse-limits work (rate limits per client) provides the real one; until
 * it is wired, {@link memoryLoginLimit} counts failures in memory.
 */

/**
 * Asked before a sign-in (`attempt`) and after a failed one (`failure`).
 * @returns seconds the client must wait (0 to go on)
 */
export type LoginLimit = (client: string, event: 'attempt' | 'failure') => number;

/** At most `failures` failed sign-ins per client in `windowSeconds`. */
export function memoryLoginLimit(failures = 10, windowSeconds = 15 * 60): LoginLimit {
  const seen = new Map<string, number[]>();
  return (client, event) => {
    const now = Date.now();
    const recent = (seen.get(client) ?? []).filter((t) => now - t < windowSeconds * 1000);
    if (event === 'failure') recent.push(now);
    if (recent.length) seen.set(client, recent);
    else seen.delete(client);
    if (recent.length < failures) return 0;
    return Math.max(1, Math.ceil((recent[0]! + windowSeconds * 1000 - now) / 1000));
  };
}
