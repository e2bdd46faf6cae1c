/**
 * Facet and filter columns of the embedded index, held in typed arrays by
 * document id. FTS5 hands back the ids of the matching documents quickly;
 * reading their metadata row by row from SQLite costs far more than counting
 * them here (measured: 24 ms against 1.4 ms for 7,000 matches). Loaded on
 * first use and again after the index changes.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { EXPIRY_RULE, EXPIRY_STATUSES, type ExpiryStatus, expiryDateRange } from '../clauses/expiry.ts';
import { foldText } from '../clauses/text.ts';
import { TOPICS } from '../clauses/topics.ts';
import type { Facet, SearchQuery } from './search-types.ts';

/** A column of strings as small codes (0 = none) and the dictionary to read them. */
class Dictionary {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>();
  code(value: string | null): number {
    if (value === null || value === '') return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

/** Topics are packed in two 32-bit masks per document. */
export const MAX_TOPICS = 64;

/**
 * The topics the columns can hold, in order; more than {@link MAX_TOPICS} is refused,
 * since a 65th topic would silently share a bit with the first.
 */
function checkTopics(topicIds: readonly string[]): readonly string[] {
  if (topicIds.length > MAX_TOPICS) {
    throw new Error(
      `Cannot index ${topicIds.length} topics: the search facet columns pack topics in ${MAX_TOPICS} bits (two 32-bit masks per clause), so "${topicIds[MAX_TOPICS]}" and the topics after it would count as others. Remove topics from clauses/data/topics.json or widen the masks in library/facet-columns.ts.`,
    );
  }
  return topicIds;
}

/** The topics of `clauses/data/topics.json`, checked when the library loads. */
const TOPIC_IDS = checkTopics(TOPICS.map((t) => t.id));
const COLUMNS =
  'id, source, agreement_id, industry, province, district_folded, level, grade, topics, effective_on, expires_on';
const dayNumber = (iso: string | null) => (iso ? Number(iso.replaceAll('-', '')) : 0);

/** id, source, agreement_id, industry, province, district_folded, level, grade, topics, effective_on, expires_on */
type Row = [
  number,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
];

/** The documents of some filter values, ascending, and the test a document passes to be among them. */
interface ValueDocs {
  ids: Int32Array;
  holds: (i: number) => boolean;
}

export class FacetColumns {
  private size = 0;
  private exists = new Uint8Array(0);
  private law = new Uint8Array(0);
  private industry = new Uint16Array(0);
  private province = new Uint16Array(0);
  private district = new Uint32Array(0);
  private level = new Uint8Array(0);
  private grade = new Uint8Array(0);
  private agreement = new Uint32Array(0);
  /** Topic bits 0–31 and 32–63. */
  private topicsLow = new Uint32Array(0);
  private topicsHigh = new Uint32Array(0);
  /** Dates as yyyymmdd numbers; 0 when missing. */
  private effective = new Int32Array(0);
  private expires = new Int32Array(0);
  private readonly dictionaries = {
    industry: new Dictionary(),
    province: new Dictionary(),
    district: new Dictionary(),
    level: new Dictionary(),
    grade: new Dictionary(),
    agreement: new Dictionary(),
  };

  private readonly topicIndex: Map<string, number>;

  /**
   * The documents of filter values (some industries, provinces or topics), ascending, found by one pass over
   * a column and kept until the columns change: a browse with a filter counts those rather than every
   * document. Bounded by bytes (4 per document listed).
   */
  private readonly byValue = new LRUCache<string, ValueDocs>({
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: ({ ids }) => Math.max(1, ids.byteLength),
  });

  /** @param topicIds the topics to count, in the facet's order; at most {@link MAX_TOPICS} */
  private constructor(private readonly topicIds: readonly string[]) {
    this.topicIndex = new Map(checkTopics(topicIds).map((id, i) => [id, i]));
  }

  /** One more than the highest document id the columns hold: the length a `passed` buffer of every document needs. */
  get length(): number {
    return this.size;
  }

  /** Reads every document's facet fields (counting the topics of `topics.json` unless told others). */
  static load(db: BetterSqlite3.Database, topicIds: readonly string[] = TOPIC_IDS): FacetColumns {
    const columns = new FacetColumns(topicIds);
    const rows = db.prepare(`SELECT ${COLUMNS} FROM search_docs`).raw().all() as Row[];
    columns.grow(rows.reduce((max, row) => Math.max(max, row[0]), 0) + 1);
    for (const row of rows) columns.set(row);
    return columns;
  }

  /**
   * Reads again the documents of some agreements (after an import, a removal or an extension). `removed`,
   * when known, are the documents the writes deleted: only they are forgotten, instead of every document
   * of those agreements found by looking at all.
   */
  refresh(db: BetterSqlite3.Database, agreementIds: Iterable<string>, removed?: Int32Array): void {
    const ids = [...agreementIds];
    if (removed) {
      for (const doc of removed) if (doc < this.size) this.exists[doc] = 0;
    } else {
      const codes = new Set(
        ids.map((id) => this.dictionaries.agreement.find(id)).filter((c) => c !== undefined),
      );
      if (codes.size)
        for (let i = 0; i < this.size; i++) if (codes.has(this.agreement[i]!)) this.exists[i] = 0;
    }
    const rows = db
      .prepare(`SELECT ${COLUMNS} FROM search_docs WHERE agreement_id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(JSON.stringify(ids)) as Row[];
    const needed = rows.reduce((max, row) => Math.max(max, row[0]), 0) + 1;
    if (needed > this.size) this.grow(Math.max(needed, Math.ceil(this.size * 1.5)));
    for (const row of rows) this.set(row);
    this.followValues(Int32Array.from(rows, (row) => row[0]).sort());
  }

  /**
   * The kept documents of filter values made current: those that no longer exist leave, and the documents
   * just read again (`readAgain`, ascending) are judged again — not one pass over every document per value.
   */
  private followValues(readAgain: Int32Array) {
    for (const key of [...this.byValue.keys()]) {
      const { ids, holds } = this.byValue.get(key)!;
      const out = new Int32Array(ids.length + readAgain.length);
      let n = 0;
      let a = 0;
      for (let k = 0; k <= ids.length; k++) {
        const id = k < ids.length ? ids[k]! : Number.POSITIVE_INFINITY;
        for (; a < readAgain.length && readAgain[a]! <= id; a++) {
          const again = readAgain[a]!;
          if (this.exists[again] && holds(again)) out[n++] = again;
        }
        if (k < ids.length && this.exists[id] && readAgain[a - 1] !== id) out[n++] = id;
      }
      this.byValue.set(key, { ids: out.slice(0, n), holds });
    }
  }

  /** Makes room for ids below `size`, keeping what is there. */
  private grow(size: number) {
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.exists = copy(this.exists, (n) => new Uint8Array(n));
    this.law = copy(this.law, (n) => new Uint8Array(n));
    this.industry = copy(this.industry, (n) => new Uint16Array(n));
    this.province = copy(this.province, (n) => new Uint16Array(n));
    this.district = copy(this.district, (n) => new Uint32Array(n));
    this.level = copy(this.level, (n) => new Uint8Array(n));
    this.grade = copy(this.grade, (n) => new Uint8Array(n));
    this.agreement = copy(this.agreement, (n) => new Uint32Array(n));
    this.topicsLow = copy(this.topicsLow, (n) => new Uint32Array(n));
    this.topicsHigh = copy(this.topicsHigh, (n) => new Uint32Array(n));
    this.effective = copy(this.effective, (n) => new Int32Array(n));
    this.expires = copy(this.expires, (n) => new Int32Array(n));
    this.size = size;
  }

  private set([
    i,
    source,
    agreement,
    industry,
    province,
    district,
    level,
    grade,
    topics,
    effective,
    expires,
  ]: Row) {
    const d = this.dictionaries;
    this.exists[i] = 1;
    this.law[i] = source === 'law' ? 1 : 0;
    this.industry[i] = d.industry.code(industry);
    this.province[i] = d.province.code(province);
    this.district[i] = d.district.code(district);
    this.level[i] = d.level.code(level);
    this.grade[i] = d.grade.code(grade);
    this.agreement[i] = d.agreement.code(agreement);
    let low = 0;
    let high = 0;
    for (const topic of topics ? topics.split(' ') : []) {
      const bit = this.topicIndex.get(topic);
      if (bit === undefined) continue;
      if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
    }
    this.topicsLow[i] = low >>> 0;
    this.topicsHigh[i] = high >>> 0;
    this.effective[i] = dayNumber(effective);
    this.expires[i] = dayNumber(expires);
  }

  /**
   * The documents that can pass the query's industry, province and topic filters (the fewest of the
   * three), ascending; `undefined` without such a filter. Every document the filters let through is in it.
   */
  filtered(query: SearchQuery): Int32Array | undefined {
    const { filters } = query;
    const lists: Int32Array[] = [];
    const codes = (dictionary: Dictionary, values: readonly string[]) =>
      values.map((v) => dictionary.find(v)).filter((c) => c !== undefined);
    if (filters.industry?.length)
      lists.push(this.withCodes('industry', codes(this.dictionaries.industry, filters.industry)));
    if (filters.province?.length)
      lists.push(this.withCodes('province', codes(this.dictionaries.province, filters.province)));
    if (filters.topic?.length) lists.push(this.withTopics(filters.topic));
    return lists.sort((a, b) => a.length - b.length)[0];
  }

  private withCodes(name: 'industry' | 'province', codes: readonly number[]): Int32Array {
    const key = `${name}:${[...codes].sort((a, b) => a - b).join(',')}`;
    let kept = this.byValue.get(key);
    if (!kept) {
      const wanted = new Uint8Array(65536);
      for (const code of codes) wanted[code] = 1;
      // The column read at each call: growing the columns replaces their arrays.
      const holds = (i: number) => wanted[this[name][i]!] === 1;
      kept = { ids: this.collect(holds), holds };
      this.byValue.set(key, kept);
    }
    return kept.ids;
  }

  private withTopics(topics: readonly string[]): Int32Array {
    let low = 0;
    let high = 0;
    for (const topic of topics) {
      const bit = this.topicIndex.get(topic);
      if (bit === undefined) continue;
      if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
    }
    const key = `topic:${low >>> 0}:${high >>> 0}`;
    let kept = this.byValue.get(key);
    if (!kept) {
      const holds = (i: number) => (this.topicsLow[i]! & low) !== 0 || (this.topicsHigh[i]! & high) !== 0;
      kept = { ids: this.collect(holds), holds };
      this.byValue.set(key, kept);
    }
    return kept.ids;
  }

  /** The existing documents for which `holds` is true, ascending. */
  private collect(holds: (i: number) => boolean): Int32Array {
    const found: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.exists[i] && holds(i)) found.push(i);
    return Int32Array.from(found);
  }

  /**
   * Applies the query's filters to the matching ids (every document when `ids`
   * is undefined) and counts the facets of what passes, in one loop over typed arrays.
   *
   * @param passed when given, receives the position in `ids` (the id, without `ids`) of each document that
   *   passes, in order, from 0 to `total` − 1; it must hold as many as `ids` (or the documents). A buffer
   *   rather than a callback: a call per candidate was a tenth of a common word's query.
   * @param stopAfter stop once this many have passed (to find a page's documents, not to count: the total
   *   and facets are then those of the documents looked at)
   */
  count(
    ids: ArrayLike<number> | undefined,
    query: SearchQuery,
    passed?: Int32Array,
    stopAfter = Number.POSITIVE_INFINITY,
  ): { total: number; facets: Record<Facet, Record<string, number>> } {
    const d = this.dictionaries;
    const { filters } = query;
    const allowed = (dictionary: Dictionary, values: readonly string[] | undefined) => {
      if (!values?.length) return undefined;
      const table = new Uint8Array(dictionary.values.length);
      for (const value of values) {
        const code = dictionary.find(value);
        if (code !== undefined) table[code] = 1;
      }
      return table;
    };
    const industryOk = allowed(d.industry, filters.industry);
    const provinceOk = allowed(d.province, filters.province);
    const levelOk = allowed(d.level, filters.level);
    const gradeOk = allowed(d.grade, filters.grade);
    const agreementOk = allowed(d.agreement, filters.agreement);
    const hidden = allowed(d.agreement, filters.hidden);
    let districtOk: Uint8Array | undefined;
    if (filters.district?.length) {
      const parts = filters.district.map((x) => foldText(x));
      districtOk = new Uint8Array(d.district.values.length);
      d.district.values.forEach((name, code) => {
        if (code > 0 && parts.some((p) => name.includes(p))) districtOk![code] = 1;
      });
    }
    let topicLow = 0;
    let topicHigh = 0;
    for (const topic of filters.topic ?? []) {
      const bit = this.topicIndex.get(topic);
      if (bit === undefined) continue;
      if (bit < 32) topicLow |= 1 << bit;
      else topicHigh |= 1 << (bit - 32);
    }
    const topicFilter = (filters.topic?.length ?? 0) > 0;
    const statusOk = filters.status?.length ? new Uint8Array(EXPIRY_STATUSES.length) : undefined;
    for (const status of filters.status ?? []) statusOk![EXPIRY_STATUSES.indexOf(status)] = 1;
    const onlyLaw = query.source === 'law';
    const noLaw = query.source === 'agreements';

    const today = dayNumber(query.on);
    const rule = expiryBounds(query.on);
    const { bandFrom, bandTo, bandStatus } = rule;
    const bandCount = bandStatus.length;
    let lastFrom = -1;
    let lastTo = -1;
    let lastStatus = -1;

    const industryCounts = new Uint32Array(d.industry.values.length);
    const provinceCounts = new Uint32Array(d.province.values.length);
    const gradeCounts = new Uint32Array(d.grade.values.length);
    const topicCounts = new Uint32Array(this.topicIds.length);
    const statusCounts = new Uint32Array(EXPIRY_STATUSES.length);
    const {
      exists,
      law,
      industry,
      province,
      district,
      level,
      grade,
      agreement,
      topicsLow,
      topicsHigh,
      effective,
      expires,
    } = this;
    const size = this.size;
    const n = ids ? ids.length : size;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const i = ids ? ids[k]! : k;
      if (i >= size || !exists[i]) continue;
      const isLaw = law[i] === 1;
      if ((onlyLaw && !isLaw) || (noLaw && isLaw)) continue;
      if (industryOk && !industryOk[industry[i]!]) continue;
      if (provinceOk && !provinceOk[province[i]!]) continue;
      if (levelOk && !levelOk[level[i]!]) continue;
      if (gradeOk && !gradeOk[grade[i]!]) continue;
      if (agreementOk && !agreementOk[agreement[i]!]) continue;
      if (hidden?.[agreement[i]!]) continue;
      if (districtOk && !districtOk[district[i]!]) continue;
      const low = topicsLow[i]!;
      const high = topicsHigh[i]!;
      if (topicFilter && (low & topicLow) === 0 && (high & topicHigh) === 0) continue;
      let status = -1;
      if (!isLaw) {
        // The rule's table on yyyymmdd numbers (0 = missing), as statusOnDate reads it.
        const from = effective[i]!;
        const to = expires[i]!;
        // The documents of an agreement are neighbours and share its dates: each pair is judged once.
        if (from !== lastFrom || to !== lastTo) {
          lastFrom = from;
          lastTo = to;
          if (from > today) lastStatus = rule.notStarted;
          else if (!from || !to) lastStatus = rule.datesMissing;
          else {
            lastStatus = -1;
            for (let b = 0; b < bandCount; b++) {
              if (to >= bandFrom[b]! && to <= bandTo[b]!) {
                lastStatus = bandStatus[b]!;
                break;
              }
            }
          }
        }
        status = lastStatus;
      }
      if (statusOk && (status < 0 || !statusOk[status])) continue;
      if (passed) passed[total] = k;
      total++;
      if (total >= stopAfter) break;
      industryCounts[industry[i]!]!++;
      provinceCounts[province[i]!]!++;
      gradeCounts[grade[i]!]!++;
      if (status >= 0) statusCounts[status]!++;
      for (let bits = low; bits; bits &= bits - 1) topicCounts[31 - Math.clz32(bits & -bits)]!++;
      for (let bits = high; bits; bits &= bits - 1) topicCounts[63 - Math.clz32(bits & -bits)]!++;
    }
    const table = (counts: Uint32Array, names: readonly string[]) => {
      const entries: Array<[string, number]> = [];
      counts.forEach((count, code) => {
        const name = names[code];
        if (count > 0 && name) entries.push([name, count]);
      });
      return Object.fromEntries(entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    };
    return {
      total,
      facets: {
        industry: table(industryCounts, d.industry.values),
        province: table(provinceCounts, d.province.values),
        topic: table(topicCounts, this.topicIds),
        status: table(statusCounts, EXPIRY_STATUSES),
        grade: table(gradeCounts, d.grade.values),
      },
    };
  }
}

/**
 * The expiry rule's table (clauses/expiry-rule.ts) as bounds on yyyymmdd
 * numbers for a day, each condition with its status's place in EXPIRY_STATUSES.
 */
function expiryBounds(on: string) {
  const index = (status: ExpiryStatus) => EXPIRY_STATUSES.indexOf(status);
  let notStarted = -1;
  let datesMissing = -1;
  const bands: Array<{ from: number; to: number; status: number }> = [];
  for (const { status, condition } of EXPIRY_RULE) {
    switch (condition.kind) {
      case 'not_started':
        notStarted = index(status);
        break;
      case 'dates_missing':
        datesMissing = index(status);
        break;
      case 'expires_within': {
        const { from, to } = expiryDateRange(condition, on);
        bands.push({
          from: from ? dayNumber(from) : -Infinity,
          to: to ? dayNumber(to) : Infinity,
          status: index(status),
        });
        break;
      }
    }
  }
  return {
    notStarted,
    datesMissing,
    bandFrom: Float64Array.from(bands, (b) => b.from),
    bandTo: Float64Array.from(bands, (b) => b.to),
    bandStatus: Int8Array.from(bands, (b) => b.status),
  };
}
