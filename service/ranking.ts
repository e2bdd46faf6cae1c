/**
 * The order of the library-wide lists (below the floor, grades): a count,
 * highest first, ties by id; and a list kept in that order while single
 * agreements change, so a write to one agreement of a national library moves
 * one item instead of sorting 30,000 again.
 */

/** `localeCompare`'s order (the same default collator), without making one per comparison. */
const byLocale = new Intl.Collator();

/** Ids in `localeCompare`'s order, their code units breaking its ties: a total order, so any two sorts agree. */
export const byIdOrder = (a: string, b: string): number =>
  byLocale.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** An item's place in the order. */
export interface CountKey {
  count: number;
  id: string;
}

/** Whether `a` comes before `b`: a higher count, or the same and the id first. */
const before = (a: CountKey, b: CountKey) =>
  a.count > b.count || (a.count === b.count && byIdOrder(a.id, b.id) < 0);

/** Items with distinct ids, kept sorted by count then id as they are set and removed one by one. */
export class CountRanking<T> {
  private readonly items: T[];
  private readonly counts = new Map<string, number>();

  /** @param sorted the items already in order (`sortByCountThenId`) */
  constructor(
    sorted: readonly T[],
    private readonly keyOf: (item: T) => CountKey,
  ) {
    this.items = [...sorted];
    for (const item of sorted) {
      const { count, id } = keyOf(item);
      this.counts.set(id, count);
    }
  }

  /** The items in order (the list itself: copy it before a later write can move it). */
  get list(): readonly T[] {
    return this.items;
  }

  /** Whether an agreement has an item here. */
  has(id: string): boolean {
    return this.counts.has(id);
  }

  /** The first position whose item does not come before `key` (binary search). */
  private position(key: CountKey): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(this.keyOf(this.items[mid] as T), key)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Takes an agreement's item out. @returns it, or undefined when it had none */
  remove(id: string): T | undefined {
    const count = this.counts.get(id);
    if (count === undefined) return undefined;
    const at = this.position({ count, id });
    const [removed] = this.items.splice(at, 1);
    this.counts.delete(id);
    if (removed === undefined || this.keyOf(removed).id !== id)
      throw new Error(`The ranking lost the place of ${id}: its items were changed in place`);
    return removed;
  }

  /** Puts an agreement's item in its place (replacing the one it had). */
  set(item: T): void {
    const key = this.keyOf(item);
    this.remove(key.id);
    this.items.splice(this.position(key), 0, item);
    this.counts.set(key.id, key.count);
  }
}
