/**
 * Stored measures and verdicts: for each agreement and floor period, the
 * compact form of its comparison with the law (`clauses/measured.ts`), with
 * the document, metadata and corrections it was computed from. A row is
 * fresh while those still match the agreement and its data fingerprint is the
 * current one; anything else is stale and left for the service to recompute.
 */

import type BetterSqlite3 from 'better-sqlite3';

/** Which stored verdicts: the floor period (floors in force) and the data they were computed with. */
export interface VerdictKey {
  /** Fingerprint of the set of floors in force (every day with the same floors shares it). */
  period: string;
  /** Fingerprint of the data files and the comparison code. */
  data: string;
}

export interface VerdictStore {
  /**
   * The fresh stored verdicts of a period, by agreement id.
   * @param options.belowOnly give the stored form only for agreements with a row below the floor
   *   (the others map to undefined: fresh, nothing below)
   * @param options.ids only these agreements
   */
  fresh(
    key: VerdictKey,
    options?: { belowOnly?: boolean; ids?: readonly string[] },
  ): Map<string, string | undefined>;
  /** The fresh stored verdicts of a period, one agreement at a time (none held beyond the one read). */
  eachFresh(key: VerdictKey): IterableIterator<{ id: string; json: string }>;
  /** The agreements without fresh verdicts for a period (never computed, or changed since). */
  stale(key: VerdictKey): string[];
  /**
   * Stores an agreement's verdicts for a period, with its document, metadata and corrections as they are
   * now; call in the transaction that read what they were computed from.
   * @param below how many rows are below the floor
   */
  save(key: VerdictKey, agreementId: string, verdictsJson: string, below: number): void;
  /** Drops the verdicts computed with other data than `data`. @returns how many */
  dropOtherData(data: string): number;
  /** Drops the verdicts of other floor periods than these. @returns how many */
  dropOtherPeriods(periods: readonly string[]): number;
  /** Drops every stored verdict of an agreement (a write changed what they were computed from). */
  forget(agreementId: string): void;
  /** How many agreements have fresh verdicts for a period, of how many. */
  counts(key: VerdictKey): { fresh: number; agreements: number };
  /**
   * The agreements changed (their row, events, answers, corrections or stored verdicts) since a point of the
   * change log, by any writer; `ids` is undefined when the log no longer reaches back that far.
   * @param since a `seq` returned before (0: the beginning)
   * @param period changes of stored verdicts count for this floor period only
   */
  changes(since: number, period?: string): { seq: number; ids: string[] | undefined };
  /** Drops all but the last `keep` entries of the change log. @returns how many */
  pruneChanges(keep: number): number;
}

/** The officers' corrections of the agreement's document, as one string (they change its verdicts). */
const CORRECTIONS = `COALESCE((SELECT group_concat(id, ',') FROM (
    SELECT c.id FROM corrections c WHERE c.sha256 = a.sha256 ORDER BY c.corrected_at, c.id)), '')`;

/** A stored row still describes its agreement as it is. */
const MATCHES = `v.period = @period AND v.data = @data AND v.sha256 = a.sha256 AND v.filename = a.filename
  AND v.meta_json = a.meta_json AND v.corrections = ${CORRECTIONS}`;

export class SqliteVerdictStore implements VerdictStore {
  private readonly statements: {
    fresh: BetterSqlite3.Statement;
    freshIds: BetterSqlite3.Statement;
    stale: BetterSqlite3.Statement;
    save: BetterSqlite3.Statement;
    count: BetterSqlite3.Statement;
    changeRange: BetterSqlite3.Statement;
    changed: BetterSqlite3.Statement;
  };

  constructor(private readonly db: BetterSqlite3.Database) {
    this.statements = {
      fresh: db.prepare(
        `SELECT v.agreement_id AS id, CASE WHEN @all OR v.below > 0 THEN v.verdicts_json END AS json
         FROM stored_verdicts v JOIN agreements a ON a.id = v.agreement_id WHERE ${MATCHES}`,
      ),
      freshIds: db.prepare(
        `SELECT v.agreement_id AS id, CASE WHEN @all OR v.below > 0 THEN v.verdicts_json END AS json
         FROM stored_verdicts v JOIN agreements a ON a.id = v.agreement_id
         WHERE v.agreement_id IN (SELECT value FROM json_each(@ids)) AND ${MATCHES}`,
      ),
      stale: db
        .prepare(
          `SELECT a.id FROM agreements a WHERE NOT EXISTS (
             SELECT 1 FROM stored_verdicts v WHERE v.agreement_id = a.id AND ${MATCHES}) ORDER BY a.id`,
        )
        .pluck(),
      save: db.prepare(
        `INSERT OR REPLACE INTO stored_verdicts
           (agreement_id, period, data, sha256, filename, meta_json, corrections, below, verdicts_json)
         SELECT a.id, @period, @data, a.sha256, a.filename, a.meta_json, ${CORRECTIONS}, @below, @json
         FROM agreements a WHERE a.id = @id`,
      ),
      count: db.prepare(
        `SELECT (SELECT COUNT(*) FROM stored_verdicts v JOIN agreements a ON a.id = v.agreement_id
                 WHERE ${MATCHES}) AS fresh,
                (SELECT COUNT(*) FROM agreements) AS agreements`,
      ),
      // One aggregate a subquery: SQLite reads the first or last key of each instead of scanning the log.
      changeRange: db.prepare(
        'SELECT (SELECT MIN(seq) FROM verdict_changes) AS first, (SELECT MAX(seq) FROM verdict_changes) AS last',
      ),
      changed: db
        .prepare(
          'SELECT DISTINCT agreement_id FROM verdict_changes WHERE seq > ? AND seq <= ? AND (period IS NULL OR period = ?)',
        )
        .pluck(),
    };
  }

  fresh(
    key: VerdictKey,
    options: { belowOnly?: boolean; ids?: readonly string[] } = {},
  ): Map<string, string | undefined> {
    const params = { ...key, all: options.belowOnly ? 0 : 1 };
    const rows = (
      options.ids
        ? this.statements.freshIds.all({ ...params, ids: JSON.stringify(options.ids) })
        : this.statements.fresh.all(params)
    ) as Array<{ id: string; json: string | null }>;
    return new Map(rows.map((row) => [row.id, row.json ?? undefined]));
  }

  *eachFresh(key: VerdictKey): IterableIterator<{ id: string; json: string }> {
    for (const row of this.statements.fresh.iterate({ ...key, all: 1 }) as IterableIterator<{
      id: string;
      json: string;
    }>)
      yield row;
  }

  stale(key: VerdictKey): string[] {
    return this.statements.stale.all(key) as string[];
  }

  save(key: VerdictKey, agreementId: string, verdictsJson: string, below: number): void {
    this.statements.save.run({ ...key, id: agreementId, json: verdictsJson, below });
  }

  dropOtherData(data: string): number {
    return this.db.prepare('DELETE FROM stored_verdicts WHERE data != ?').run(data).changes;
  }

  dropOtherPeriods(periods: readonly string[]): number {
    return this.db
      .prepare('DELETE FROM stored_verdicts WHERE period NOT IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(periods)).changes;
  }

  forget(agreementId: string): void {
    this.db.prepare('DELETE FROM stored_verdicts WHERE agreement_id = ?').run(agreementId);
  }

  counts(key: VerdictKey): { fresh: number; agreements: number } {
    return this.statements.count.get(key) as { fresh: number; agreements: number };
  }

  changes(since: number, period = ''): { seq: number; ids: string[] | undefined } {
    const { first, last } = this.statements.changeRange.get() as {
      first: number | null;
      last: number | null;
    };
    const seq = last ?? 0;
    // Entries after `since` were pruned: what changed is not known.
    if (first !== null && first > since + 1) return { seq, ids: undefined };
    if (last === null || last <= since) return { seq, ids: [] };
    return { seq, ids: this.statements.changed.all(since, last, period) as string[] };
  }

  pruneChanges(keep: number): number {
    return this.db
      .prepare('DELETE FROM verdict_changes WHERE seq <= (SELECT MAX(seq) FROM verdict_changes) - ?')
      .run(keep).changes;
  }
}
