import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../clauses/dates.ts';
import {
  EXPIRY_BANDS,
  EXPIRY_RULE,
  EXPIRY_STATUSES,
  type ExpiryStatus,
  statusOnDate,
} from '../../clauses/index.ts';
import {
  lawDocuments,
  openLibrary,
  type SearchDocument,
  type SearchQuery,
  type SqliteLibrary,
  toMeiliDocument,
  toMeiliFilter,
} from '../../library/index.ts';
import { writeAgreementDocuments } from '../../library/sqlite-search.ts';

// The four places that judge an expiry status — statusOnDate, the SQL of the embedded index,
// its typed-array facet columns, the Meilisearch filter — over a grid of dates around every bound.

const DAYS = ['2026-11-23', '2028-02-29', '2026-12-31'];
/** Every bound of the rule, the day before and the day after, and far away. */
const EXPIRY_OFFSETS = [
  ...new Set([
    -1000,
    1000,
    ...EXPIRY_BANDS.flatMap((b) => [b.minDays, b.maxDays])
      .filter((d) => d !== undefined)
      .flatMap((d) => [d - 1, d, d + 1]),
  ]),
].sort((a, b) => a - b);
const EFFECTIVE_OFFSETS = [-1000, -1, 0, 1, 30];

interface GridPoint {
  clauseId: string;
  effectiveOn?: string;
  expiresOn?: string;
}

const grid: GridPoint[] = [];
for (const day of DAYS) {
  for (const effective of [undefined, ...EFFECTIVE_OFFSETS]) {
    for (const expires of [undefined, ...EXPIRY_OFFSETS]) {
      const point: GridPoint = { clauseId: `g${grid.length}` };
      if (effective !== undefined) point.effectiveOn = addDays(day, effective);
      if (expires !== undefined) point.expiresOn = addDays(day, expires);
      grid.push(point);
    }
  }
}

const documents: SearchDocument[] = grid.map((point, order) => ({
  id: `grid~${point.clauseId}`,
  source: 'agreement',
  clauseId: point.clauseId,
  kind: 'article',
  path: `Điều ${order + 1}`,
  text: 'Điều khoản mẫu lưới ngày',
  topics: [],
  order,
  ...(point.effectiveOn ? { effectiveOn: point.effectiveOn } : {}),
  ...(point.expiresOn ? { expiresOn: point.expiresOn } : {}),
}));

const expected = (statuses: readonly ExpiryStatus[], on: string) =>
  grid
    .filter((p) => statuses.includes(statusOnDate(p.effectiveOn, p.expiresOn, on)))
    .map((p) => p.clauseId)
    .sort();

const query = (on: string, overrides: Partial<SearchQuery>): SearchQuery => ({
  q: '',
  filters: {},
  source: 'all',
  sort: 'relevance',
  limit: 10_000,
  offset: 0,
  on,
  ...overrides,
});

const FILTERS: ExpiryStatus[][] = [...EXPIRY_STATUSES.map((s) => [s]), ['renewal_window', 'continuation']];
const CASES = DAYS.flatMap((on) => FILTERS.map((statuses) => [on, statuses.join(' or '), statuses] as const));

describe('the expiry rule table', () => {
  it('gives every status one row, and every number of days to expiry one band', () => {
    expect(EXPIRY_RULE.map((r) => r.status).sort()).toEqual([...EXPIRY_STATUSES].sort());
    for (let days = -400; days <= 400; days++) {
      const bands = EXPIRY_BANDS.filter(
        (b) => (b.minDays ?? -Infinity) <= days && days <= (b.maxDays ?? Infinity),
      );
      expect(bands).toHaveLength(1);
    }
  });

  it('cites the law for each bound', () => {
    for (const row of EXPIRY_RULE) expect(row.citation.text).toMatch(/^Điều \d+/);
    const window = EXPIRY_RULE.find((r) => r.status === 'renewal_window');
    expect(window?.condition).toEqual({ kind: 'expires_within', minDays: 0, maxDays: 90 });
    expect(window?.citation.text).toBe('Điều 83 BLLĐ 2019');
  });

  it('covers every status in the grid of dates', () => {
    const seen = new Set(DAYS.flatMap((on) => grid.map((p) => statusOnDate(p.effectiveOn, p.expiresOn, on))));
    expect([...seen].sort()).toEqual([...EXPIRY_STATUSES].sort());
  });
});

describe('the embedded index agrees with statusOnDate', () => {
  let library: SqliteLibrary;
  beforeAll(() => {
    library = openLibrary(':memory:');
    // Grid documents belong to no stored agreement: written directly, next to the law's.
    library.db.transaction(() => writeAgreementDocuments(library.db, documents, 'grid'))();
    library.search.invalidate();
  });
  afterAll(() => library.close());

  it.each(CASES)('in SQL on %s for %s (the law has no status)', async (on, _, statuses) => {
    const result = await library.search.search(
      query(on, { filters: { status: [...statuses] }, sort: 'newest' }),
    );
    expect(result.hits.every((h) => h.source === 'agreement')).toBe(true);
    expect(result.hits.map((h) => h.clauseId).sort()).toEqual(expected(statuses, on));
    // The total of a browse is counted by the facet columns, over the law's articles too.
    expect(result.total).toBe(expected(statuses, on).length);
  });

  it.each(CASES)('in the facet columns on %s for %s', async (on, _, statuses) => {
    const result = await library.search.search(
      query(on, { q: 'dieu khoan mau luoi ngay', filters: { status: [...statuses] } }),
    );
    expect(result.hits.map((h) => h.clauseId).sort()).toEqual(expected(statuses, on));
    expect(result.total).toBe(expected(statuses, on).length);
  });

  it.each(DAYS)('counts each status in the facet on %s', async (on) => {
    const { facets, total } = await library.search.search(query(on, { source: 'agreements' }));
    expect(total).toBe(grid.length);
    const counts = Object.fromEntries(
      EXPIRY_STATUSES.map((s) => [s, expected([s], on).length]).filter(([, n]) => n !== 0),
    );
    expect(facets.status).toEqual(counts);
  });
});

describe('the Meilisearch filter agrees with statusOnDate', () => {
  const stored = [...documents, ...lawDocuments()].map(toMeiliDocument);

  it.each(CASES)('on %s for %s (the law has no status)', (on, _, statuses) => {
    const filter = toMeiliFilter(query(on, { filters: { status: [...statuses] } }));
    const found = stored.filter((doc) => filter.every((f) => evaluateFilter(f, doc)));
    expect(found.map((d) => d.clauseId).sort()).toEqual(expected(statuses, on));
  });

  it('is read by the test evaluator as Meilisearch reads it', () => {
    const doc = { n: 5, none: null, s: 'a', list: ['x', 'y'] };
    expect(evaluateFilter('n >= 5 AND n 1 TO 5 AND NOT n > 5', doc)).toBe(true);
    expect(evaluateFilter('(none IS NULL OR n < 0) AND s = "a" AND list = "y"', doc)).toBe(true);
    expect(evaluateFilter('none <= 9 OR none > 9 OR none IS NOT NULL OR s IN ["b"]', doc)).toBe(false);
  });
});

/**
 * A tiny evaluator of the Meilisearch filter syntax this project writes (comparisons, `TO`,
 * `IS [NOT] NULL`, `IN [...]`, `AND`, `OR`, `NOT`, parentheses): there is no server here.
 * A comparison with a missing or null value is false, as in Meilisearch; an array matches
 * when one of its values does.
 */
function evaluateFilter(filter: string, doc: Record<string, unknown>): boolean {
  const tokens = filter.match(/"(?:[^"\\]|\\.)*"|>=|<=|!=|[()[\],=<>]|[^\s()[\],=<>!"]+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const next = () => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`filter ends early: ${filter}`);
    return token;
  };
  const value = (token: string): string | number =>
    token.startsWith('"') ? JSON.parse(token) : Number(token);
  const values = (attribute: string): unknown[] => {
    const v = doc[attribute];
    return Array.isArray(v) ? v : [v];
  };
  const compare = (attribute: string, test: (v: string | number) => boolean) =>
    values(attribute).some((v) => (typeof v === 'number' || typeof v === 'string') && test(v));

  const or = (): boolean => {
    let result = and();
    while (peek() === 'OR') {
      next();
      result = and() || result;
    }
    return result;
  };
  const and = (): boolean => {
    let result = not();
    while (peek() === 'AND') {
      next();
      result = not() && result;
    }
    return result;
  };
  const not = (): boolean => {
    if (peek() === 'NOT') {
      next();
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    const token = next();
    if (token === '(') {
      const result = or();
      if (next() !== ')') throw new Error(`missing ) in ${filter}`);
      return result;
    }
    const attribute = token;
    const op = next();
    if (op === 'IS') {
      const negated = peek() === 'NOT';
      if (negated) next();
      if (next() !== 'NULL') throw new Error(`expected NULL in ${filter}`);
      const isNull = doc[attribute] === null;
      return negated ? !isNull : isNull;
    }
    if (op === 'IN') {
      if (next() !== '[') throw new Error(`expected [ in ${filter}`);
      const list: Array<string | number> = [];
      while (peek() !== ']') {
        const token = next();
        if (token !== ',') list.push(value(token));
      }
      next();
      return compare(attribute, (v) => list.includes(v));
    }
    // `!=` also matches a missing value, as NOT does.
    if (op === '!=') return !compare(attribute, (v) => v === value(next()));
    if (['=', '>', '>=', '<', '<='].includes(op)) {
      const right = value(next());
      return compare(attribute, (v) => {
        switch (op) {
          case '=':
            return v === right;
          case '>':
            return v > right;
          case '>=':
            return v >= right;
          case '<':
            return v < right;
          default:
            return v <= right;
        }
      });
    }
    const low = value(op);
    if (next() !== 'TO') throw new Error(`expected an operator after ${attribute} in ${filter}`);
    const high = value(next());
    return compare(attribute, (v) => v >= low && v <= high);
  };

  const result = or();
  if (at !== tokens.length) throw new Error(`unread "${tokens.slice(at).join(' ')}" in ${filter}`);
  return result;
}
