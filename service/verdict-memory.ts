/**
 * What the library-wide questions read of every agreement, kept in memory
 * for one floor period and data fingerprint: its summary, its fresh stored
 * measures and verdicts (decoded once, their strings and small objects
 * shared), its events and the officer's answers, and its last grade with the
 * expiry it was judged with. It is loaded once, then patched per agreement
 * from the library's change log (`verdict_changes`, written by triggers on
 * every write by any process), so a write re-reads that agreement only and
 * nothing is ever served that SQLite no longer holds.
 */

import type { ExpiryHolds, ExpiryInfo } from '../clauses/expiry.ts';
import type { AssessmentAnswer } from '../clauses/grading.ts';
import {
  fromStoredVerdicts,
  type MeasuredComparison,
  type MeasuredRow,
  type StoredVerdicts,
} from '../clauses/measured.ts';
import type { AgreementEvent, AgreementSummary, StoredGrade } from '../clauses/types.ts';
import type { Library, VerdictKey } from '../library/index.ts';

/** Past this many changed agreements, one full load is cheaper than patching each. */
const PATCH_LIMIT = 5000;
/** Agreements read and decoded per step of a load (one turn of the event loop in the background). */
const LOAD_CHUNK = 100;
/** Derived values kept per generation, and values kept across writes. */
const DERIVED_LIMIT = 64;
/** Patches remembered (which agreements each read again), for the values kept across writes. */
const JOURNAL_LIMIT = 256;

/** One agreement as the library-wide questions read it. */
export interface RememberedAgreement {
  summary: AgreementSummary;
  /** Its fresh stored verdicts for the memory's period; undefined when they are missing or stale. */
  measured: MeasuredComparison | undefined;
  events: readonly AgreementEvent[];
  answers: readonly AssessmentAnswer[];
  /** The last expiry judged for the grades, and the days it holds on (`expiryHolds`). */
  expiry?: { info: ExpiryInfo; holds: ExpiryHolds };
  /**
   * Its last line of the grades, with the expiry it was judged with (the rest of its inputs are the fields
   * above): the line only, not the whole report, which is five times the agreement's rows in memory.
   */
  graded?: { expiry: string; line: GradeLine };
}

/** An agreement's line of the grades dashboard: its grade, its points and why it is not ranked. */
export interface GradeLine {
  id: string;
  employer?: string;
  grade: StoredGrade;
  points: number;
  unrankedReasons: string[];
}

/** How much the memory holds. */
export interface VerdictMemorySize {
  agreements: number;
  /** Agreements with fresh stored verdicts. */
  measured: number;
  rows: number;
  /** Distinct strings and small objects shared between rows. */
  shared: number;
  /** Full loads and per-agreement patches since the service started. */
  loads: number;
  patched: number;
  /** Moves with every load and patch. */
  generation: number;
}

/** Shares equal strings and small objects between the rows of all agreements. */
class Pool {
  private readonly strings = new Map<string, string>();
  private readonly objects = new Map<string, unknown>();
  private readonly lists = new Map<string, string[]>();

  string<T extends string>(value: T): T {
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }

  object<T>(value: T): T {
    const key = JSON.stringify(value);
    const known = this.objects.get(key);
    if (known !== undefined) return known as T;
    this.objects.set(key, value);
    return value;
  }

  /** A list of strings (no separator in them: topic ids). */
  list<T extends string>(value: T[]): T[] {
    const key = value.join('\u0001');
    const known = this.lists.get(key);
    if (known !== undefined) return known as T[];
    this.lists.set(key, value);
    return value;
  }

  get size(): number {
    return this.strings.size + this.objects.size + this.lists.size;
  }
}

/** Decodes a stored form, its repeated parts shared (in place, so every key keeps its order). */
function decode(json: string, pool: Pool): MeasuredComparison {
  const measured = fromStoredVerdicts(JSON.parse(json) as StoredVerdicts, '');
  for (const row of measured.rows) {
    row.nodeId = pool.string(row.nodeId);
    row.path = pool.string(row.path);
    row.text = pool.string(row.text);
    row.subject = pool.string(row.subject);
    row.topics = pool.list(row.topics);
    row.measure = pool.object(row.measure);
    if (row.difference) row.difference = pool.object(row.difference);
  }
  return measured;
}

/** The memory of one service: see the module comment. */
export class VerdictMemory {
  private key: string | undefined;
  private seq = 0;
  private pool = new Pool();
  private entries = new Map<string, RememberedAgreement>();
  /** Topic → agreement id → its rows of that topic, in their order (a topic's question reads no other row). */
  private topics = new Map<string, Map<string, MeasuredRow[]>>();
  private loads = 0;
  private patched = 0;
  /** Moves with every load and patch: what was derived from an older generation is stale. */
  private generation = 0;
  /** Each id's rank in an order, kept while no agreement comes or goes (a write to one keeps it). */
  private ranks: { order: (a: string, b: string) => number; rank: Map<string, number> } | undefined;
  /** Answers derived from this generation only (ids of a filter, tables), a few, dropped when it moves. */
  private derived = new Map<string, unknown>();
  /** Answers kept across writes (`keep`), with the generation they are up to date with. */
  private kept = new Map<string, { generation: number; value: unknown }>();
  /** The agreements each patch since the last load read again, by the generation it made, oldest first. */
  private journal: Array<{ generation: number; ids: readonly string[] }> = [];

  /** @param chunk agreements read per step of a background load */
  constructor(
    private readonly library: Library,
    private readonly chunk = LOAD_CHUNK,
  ) {}

  /**
   * The agreements as they are now, for a period's stored verdicts: loaded when the period or data differ
   * from what is held (or the change log no longer reaches back), else patched with what changed since.
   */
  sync(key: VerdictKey): ReadonlyMap<string, RememberedAgreement> {
    const name = `${key.period}|${key.data}`;
    if (this.key !== name) return this.load(key, name);
    const { seq, ids } = this.library.verdicts.changes(this.seq, key.period);
    if (ids === undefined || ids.length > PATCH_LIMIT) return this.load(key, name);
    if (ids.length) this.patch(key, ids, seq);
    return this.entries;
  }

  /**
   * A value derived only from what the memory holds now (and the key), computed once per generation.
   * @param key everything else the value depends on
   * @param keep whether the value may be kept (not when part of it was compared on the request)
   */
  derive<T>(key: string, compute: () => T, keep: (value: T) => boolean = () => true): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    // A few dozen areas and tables are asked between two writes; more are computed, not kept.
    if (this.derived.size < DERIVED_LIMIT && keep(value)) this.derived.set(key, value);
    return value;
  }

  /**
   * A value kept across writes: computed once, then brought up to date in place with the agreements
   * changed since (a write re-reads one agreement; its answer moves one item, not the whole list).
   * @param update patches the value with the changed agreements; false when it cannot (computed again)
   * @param keep whether the value may be kept (not when part of it was compared on the request)
   */
  keep<T>(
    key: string,
    compute: () => T,
    update: (value: T, changed: ReadonlySet<string>) => boolean,
    keep: (value: T) => boolean = () => true,
  ): T {
    const held = this.kept.get(key) as { generation: number; value: T } | undefined;
    if (held) {
      const changed = this.changedSince(held.generation);
      if (changed && (changed.size === 0 || update(held.value, changed))) {
        held.generation = this.generation;
        return held.value;
      }
      this.kept.delete(key);
    }
    const value = compute();
    if (keep(value)) {
      // The least recently computed goes first.
      if (this.kept.size >= DERIVED_LIMIT) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(key, { generation: this.generation, value });
    }
    return value;
  }

  /** The agreements read again since a generation; undefined when the memory was loaded since (or long ago). */
  private changedSince(generation: number): ReadonlySet<string> | undefined {
    const changed = new Set<string>();
    if (generation === this.generation) return changed;
    const first = this.journal[0];
    if (!first || first.generation > generation + 1) return undefined;
    for (const patch of this.journal)
      if (patch.generation > generation) for (const id of patch.ids) changed.add(id);
    return changed.size > PATCH_LIMIT ? undefined : changed;
  }

  /**
   * Each agreement's rank among all in an order of ids, sorted once while the same agreements are held.
   * @param order a total order of ids (the same function each call)
   */
  rankOf(order: (a: string, b: string) => number): ReadonlyMap<string, number> {
    if (this.ranks?.order === order) return this.ranks.rank;
    const ids = [...this.entries.keys()].sort(order);
    const rank = new Map(ids.map((id, i) => [id, i]));
    this.ranks = { order, rank };
    return rank;
  }

  private moved(): void {
    this.generation++;
    this.derived = new Map();
  }

  /** A load or a clear: nothing kept is up to date with it. */
  private reloaded(): void {
    this.moved();
    this.kept = new Map();
    this.journal = [];
  }

  /** Whether the memory holds a period's agreements (it may still have changes to read). */
  holds(key: VerdictKey): boolean {
    return this.key === `${key.period}|${key.data}`;
  }

  /** Forgets everything (the next question loads again). */
  clear(): void {
    this.key = undefined;
    this.entries = new Map();
    this.topics = new Map();
    this.pool = new Pool();
    this.ranks = undefined;
    this.reloaded();
  }

  /** The rows of a topic of each agreement with fresh stored verdicts that has any (as of the last `sync`). */
  rowsOfTopic(topic: string): ReadonlyMap<string, MeasuredRow[]> {
    return this.topics.get(topic) ?? new Map();
  }

  private index(
    id: string,
    measured: MeasuredComparison | undefined,
    topics: Map<string, Map<string, MeasuredRow[]>> = this.topics,
  ): void {
    if (!measured) return;
    for (const row of measured.rows)
      for (const topic of row.topics) {
        let byId = topics.get(topic);
        if (!byId) {
          byId = new Map();
          topics.set(topic, byId);
        }
        const rows = byId.get(id);
        if (rows) {
          if (rows.at(-1) !== row) rows.push(row);
        } else byId.set(id, [row]);
      }
  }

  private unindex(entry: RememberedAgreement | undefined): void {
    if (!entry?.measured) return;
    for (const row of entry.measured.rows)
      for (const topic of row.topics) this.topics.get(topic)?.delete(entry.summary.id);
  }

  size(): VerdictMemorySize {
    let measured = 0;
    let rows = 0;
    for (const entry of this.entries.values()) {
      if (!entry.measured) continue;
      measured++;
      rows += entry.measured.rows.length;
    }
    return {
      agreements: this.entries.size,
      measured,
      rows,
      shared: this.pool.size,
      loads: this.loads,
      patched: this.patched,
      generation: this.generation,
    };
  }

  /** The grades line of an agreement judged with an expiry, its last one when the expiry is the same. */
  graded(entry: RememberedAgreement, expiry: ExpiryInfo, grade: () => GradeLine): GradeLine {
    // The parts of the expiry the rubric reads (`gradeAgreement`: whether expired and since when, whether filed
    // and late); the rest (days left, the action, other flags) moves with the day and changes no report.
    const expired = expiry.status === 'expired';
    const key = JSON.stringify([
      expired,
      expired ? expiry.expiresOn : null,
      expiry.flags.includes('filed_late'),
      Boolean(expiry.filedOn),
    ]);
    if (entry.graded?.expiry === key) return entry.graded.line;
    const line = grade();
    entry.graded = { expiry: key, line };
    return line;
  }

  private load(key: VerdictKey, name: string): ReadonlyMap<string, RememberedAgreement> {
    const steps = this.loading(key, name);
    while (!steps.next().done);
    return this.entries;
  }

  /**
   * Loads a period's agreements in the background, a chunk of them per turn of the event loop, so a
   * server that starts with a national library keeps answering meanwhile; a question asked before it is
   * done loads (or patches) by itself, as without it, and this load then stops. Nothing is done when the period is held already.
   */
  async preload(key: VerdictKey, signal?: AbortSignal): Promise<void> {
    if (this.holds(key)) {
      this.sync(key);
      return;
    }
    const steps = this.loading(key, `${key.period}|${key.data}`, () => this.holds(key));
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted || steps.next().done) return;
    }
  }

  /**
   * The steps of a load: a chunk of agreements read and decoded at each, everything held at the end.
   * @param done whether another load made this one needless (checked between steps)
   */
  private *loading(key: VerdictKey, name: string, done: () => boolean = () => false): Generator<void> {
    const pool = new Pool();
    const entries = new Map<string, RememberedAgreement>();
    const topics = new Map<string, Map<string, MeasuredRow[]>>();
    // The log's position is read first and no lock is taken (a 30,000-agreement load takes seconds; another
    // process may write meanwhile): whatever changed after that position is read again by the next `sync`.
    const { seq } = this.library.verdicts.changes(Number.MAX_SAFE_INTEGER - 1);
    const ids = this.library.listIds({});
    for (let i = 0; i < ids.length; i += this.chunk) {
      if (i > 0) yield;
      if (done()) return;
      const chunk = ids.slice(i, i + this.chunk);
      const events = this.library.events(chunk);
      const answers = this.library.assessments(chunk);
      // Decoded as read: the stored forms (≈ 10 KB of JSON an agreement) are never all held at once.
      const stored = this.library.verdicts.fresh(key, { ids: chunk });
      const summaries = new Map(this.library.summaries(chunk).map((s) => [s.id, s]));
      // In the list's order, as the questions read them.
      for (const id of chunk) {
        const summary = summaries.get(id);
        if (!summary) continue;
        const json = stored.get(summary.id);
        const measured = json === undefined ? undefined : decode(json, pool);
        entries.set(summary.id, {
          summary,
          measured,
          events: events.get(summary.id) ?? [],
          answers: answers.get(summary.id) ?? [],
        });
        this.index(summary.id, measured, topics);
      }
    }
    if (done()) return;
    this.key = name;
    this.seq = seq;
    this.pool = pool;
    this.entries = entries;
    this.topics = topics;
    this.ranks = undefined;
    this.loads++;
    this.reloaded();
  }

  /** Reads the agreements changed up to `seq` again (read after it: anything newer is read again next time). */
  private patch(key: VerdictKey, ids: readonly string[], seq: number): void {
    const summaries = new Map(this.library.summaries(ids).map((s) => [s.id, s]));
    const stored = this.library.verdicts.fresh(key, { ids });
    const events = this.library.events(ids);
    const answers = this.library.assessments(ids);
    for (const id of ids) {
      this.unindex(this.entries.get(id));
      const summary = summaries.get(id);
      if (!summary) {
        if (this.entries.delete(id)) this.ranks = undefined;
        continue;
      }
      if (!this.entries.has(id)) this.ranks = undefined;
      const json = stored.get(id);
      const measured = json === undefined ? undefined : decode(json, this.pool);
      this.entries.set(id, {
        summary,
        measured,
        events: events.get(id) ?? [],
        answers: answers.get(id) ?? [],
      });
      this.index(id, measured);
    }
    this.seq = seq;
    this.patched += ids.length;
    this.moved();
    this.journal.push({ generation: this.generation, ids });
    if (this.journal.length > JOURNAL_LIMIT) this.journal.shift();
  }
}
