/**
 * Failed sign-ins in the audit log, bounded so that guessing cannot fill the
 * disk: the first failure of a client on a name in a minute is written at once
 * (who tried — the name typed —, the client's address, when; never the
 * password); the further failures of that minute are counted and written as
 * one entry when the minute ends. Past `maxEntriesPerMinute` entries in a
 * minute over all clients, failures are only counted, and one entry at the end
 * of the minute says how many there were, from how many clients, on which names.
 * Memory is bounded too: at most `maxPairs` (client, name) pairs a minute.
 */

/** One audit entry about failed sign-ins. */
export interface FailedSignInRecord {
  /** The name typed, or undefined for the entry summing up the failures past the minute's budget. */
  username: string | undefined;
  /** The client's address (a count of clients for the summing-up entry). */
  client: string | number;
  attempts: number;
  /** The minute the failures fell in (ISO instants). */
  from: string;
  to: string;
  /** Names tried, for the summing-up entry (at most 20). */
  names?: string[];
}

export interface FailedSignInOptions {
  /** Writes an entry (the service's audit log). */
  write: (record: FailedSignInRecord) => void;
  /** Entries written a minute over all clients before failures are only counted. */
  maxEntriesPerMinute?: number;
  /** (client, name) pairs remembered a minute; beyond, failures are only counted. */
  maxPairs?: number;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
}

export interface FailedSignIns {
  /** Records one failed sign-in. */
  record(attempt: { username: string; client: string }): void;
  /** Writes the counts of minutes that have ended (the recorder does it itself, on a timer). */
  flush(): void;
}

const MINUTE = 60_000;
const SAMPLE_NAMES = 20;

interface Pair {
  username: string;
  client: string;
  /** Failures after the one written at once, or all of them when the first was past the budget. */
  pending: number;
  /** Whether the minute's first failure was written (else the pair's failures go to the summing-up). */
  written: boolean;
}

/**
 * The failed sign-in recorder of one server.
 * @example
 * const failed = failedSignIns({ write: (r) => service.recordFailedSignIn(r) });
 * failed.record({ username: 'lan', client: '203.0.113.7' });
 */
export function failedSignIns({
  write,
  maxEntriesPerMinute = 30,
  maxPairs = 1000,
  now = Date.now,
}: FailedSignInOptions): FailedSignIns {
  let minute = Math.floor(now() / MINUTE);
  let written = 0;
  const pairs = new Map<string, Pair>();
  let overflow = { attempts: 0, clients: new Set<string>(), names: new Set<string>() };
  let timer: ReturnType<typeof setTimeout> | undefined;

  const span = (m: number) => ({
    from: new Date(m * MINUTE).toISOString(),
    to: new Date((m + 1) * MINUTE - 1).toISOString(),
  });

  /** Writes what the ended minute still holds, and starts the current one. */
  function closeMinute(): void {
    const ended = minute;
    for (const p of pairs.values()) {
      if (p.written && p.pending > 0)
        write({ username: p.username, client: p.client, attempts: p.pending, ...span(ended) });
    }
    if (overflow.attempts > 0)
      write({
        username: undefined,
        client: overflow.clients.size,
        attempts: overflow.attempts,
        names: [...overflow.names],
        ...span(ended),
      });
    pairs.clear();
    overflow = { attempts: 0, clients: new Set(), names: new Set() };
    written = 0;
  }

  function flush(): void {
    const current = Math.floor(now() / MINUTE);
    if (current === minute) return;
    closeMinute();
    minute = current;
  }

  function toOverflow(username: string, client: string): void {
    overflow.attempts++;
    // The count of clients is capped with the pairs: a flood of addresses costs no more memory.
    if (overflow.clients.size < maxPairs) overflow.clients.add(client);
    if (overflow.names.size < SAMPLE_NAMES) overflow.names.add(username);
  }

  return {
    flush,
    record({ username, client }) {
      flush();
      const key = `${client}\u0000${username.toLowerCase()}`;
      let pair = pairs.get(key);
      if (!pair) {
        if (pairs.size >= maxPairs) return toOverflow(username, client);
        pair = { username, client, pending: 0, written: false };
        pairs.set(key, pair);
        if (written < maxEntriesPerMinute) {
          written++;
          pair.written = true;
          write({ username, client, attempts: 1, ...span(minute) });
        } else toOverflow(username, client);
      } else if (pair.written) pair.pending++;
      else toOverflow(username, client);
      if (!timer) {
        // The minute's counts are written when it ends, even if nobody tries again.
        timer = setTimeout(
          () => {
            timer = undefined;
            // A timer's exception would end the server: a minute's counts that cannot be written (the
            // library closed at shutdown) are reported and dropped instead.
            try {
              flush();
            } catch (error) {
              console.error('failed sign-ins: the minute’s counts were not written to the audit log:', error);
            }
          },
          (minute + 1) * MINUTE - now() + 50,
        );
        timer.unref?.();
      }
    },
  };
}
