/**
 * The lines of a kept list by the days their expiry holds on (`expiryHolds`): which must be judged again
 * on a new day, found without looking at every line. Moving forward a day, a line is due only when the last
 * day it holds on has passed, so the lines are kept by that day and a new day reads the days passed since;
 * a day earlier than the last one asked looks at every line.
 */

import { type ExpiryHolds, holdsOn } from '../clauses/expiry.ts';

export class HeldDays {
  private readonly holds = new Map<string, ExpiryHolds>();
  /** Ids by the last day they hold on; those without one hold on every later day. */
  private readonly byThrough = new Map<string, Set<string>>();
  /** Lines judged without the days they hold on: due on every day. */
  private readonly unheld = new Set<string>();

  /** Sets the days a line holds on (undefined: judged again on any other day). */
  set(id: string, holds: ExpiryHolds | undefined): void {
    this.delete(id);
    if (!holds) {
      this.unheld.add(id);
      return;
    }
    this.holds.set(id, holds);
    if (holds.through === undefined) return;
    const ids = this.byThrough.get(holds.through);
    if (ids) ids.add(id);
    else this.byThrough.set(holds.through, new Set([id]));
  }

  delete(id: string): void {
    this.unheld.delete(id);
    const holds = this.holds.get(id);
    if (!holds) return;
    this.holds.delete(id);
    if (holds.through === undefined) return;
    const ids = this.byThrough.get(holds.through);
    ids?.delete(id);
    if (ids?.size === 0) this.byThrough.delete(holds.through);
  }

  /**
   * The lines that do not hold on `on`, of those set when all held on `last`.
   * @param last the day the lines were last judged on (`YYYY-MM-DD`)
   */
  dueOn(on: string, last: string): Set<string> {
    const due = new Set(this.unheld);
    if (on < last) {
      for (const [id, holds] of this.holds) if (!holdsOn(holds, on)) due.add(id);
      return due;
    }
    // Every line held on `last`, so on a later day its first day has come already: only its last may pass.
    for (const [through, ids] of this.byThrough) if (through < on) for (const id of ids) due.add(id);
    return due;
  }
}
