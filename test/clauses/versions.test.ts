import { describe, expect, it } from 'vitest';
import { type Agreement, classifyNode, listArticles } from '../../clauses/index.ts';
import { type ArticleChange, compareVersions } from '../../clauses/versions.ts';
import { importDocument } from '../../importer/index.ts';
import { readSample } from '../helpers.ts';

const source = new TextDecoder().decode(readSample('det-may-phu-hung-2024.md'));

function agreement(id: string, text: string): Agreement {
  const draft = importDocument(new TextEncoder().encode(text), { filename: `${id}.md` });
  return { ...draft, id, importedAt: '2026-11-23T00:00:00Z' };
}

/** Numbers the articles 1, 2, 3… in the order they stand, as an editor does after moving one. */
const renumber = (text: string) => {
  let n = 0;
  return text.replace(/^### Điều \d+[a-z]?\./gm, () => `### Điều ${++n}.`);
};

/** The 2022 version: the same agreement, with 12 days of annual leave. */
const old = agreement('det-may-2022', source.replace('nghỉ hằng năm 14 ngày', 'nghỉ hằng năm 12 ngày'));

/**
 * The 2024 renewal: "Cam kết chung" moved to the last chapter (every article renumbered),
 * a point deleted, a clause split in two, a table cell changed, a training article added.
 */
function renewal(): string {
  let text = source;
  const commitment = text.slice(text.indexOf('### Điều 3. Cam kết chung'), text.indexOf('## Chương II.'));
  text = text.replace(commitment, '');
  text = text.replace('## Chương VII.', `${commitment}## Chương VII.`);
  text = text.replace(/^ {3}c\) Vào ngày nghỉ lễ, tết.*\n/m, '');
  text = text.replace(
    '1. Công ty hoạt động trên địa bàn vùng I. Mức lương thấp nhất',
    '1. Công ty hoạt động trên địa bàn vùng I.\n2. Mức lương thấp nhất',
  );
  text = text.replace('2. Tiền lương được trả vào ngày 10', '3. Tiền lương được trả vào ngày 10');
  text = text.replace(/\| Con kết hôn( +)\| 01 ngày( +)\| 02 ngày/, '| Con kết hôn$1| 01 ngày$2| 03 ngày');
  text = text.replace(
    '## Chương III.',
    '### Điều 7a. Đào tạo nghề\n\nCông ty tổ chức đào tạo nâng cao tay nghề miễn phí cho người lao động ít nhất 01 lần/năm, trong giờ làm việc.\n\n## Chương III.',
  );
  return renumber(text);
}

const diff = compareVersions(old, agreement('det-may-2024', renewal()), { on: '2026-11-23' });
const byHeading = (heading: string): ArticleChange => {
  const found = diff.articles.find((a) => (a.to ?? a.from)?.heading === heading);
  if (!found) throw new Error(`no article ${heading}`);
  return found;
};

describe('comparing two versions of an agreement', () => {
  it('finds the moved article by its words, though its number changed', () => {
    const moved = byHeading('Cam kết chung');
    expect(moved).toMatchObject({
      kind: 'moved',
      renumbered: true,
      from: { number: '3' },
      to: { number: '21' },
    });
    expect(diff.summary.moved).toBe(1);
  });

  it('pairs renumbered articles with their old selves and calls them unchanged', () => {
    const contract = byHeading('Hợp đồng lao động');
    expect(contract).toMatchObject({
      kind: 'unchanged',
      renumbered: true,
      from: { number: '4' },
      to: { number: '3' },
    });
    expect(diff.summary.unchanged).toBeGreaterThanOrEqual(10);
  });

  it('reports a changed number word by word, with the old and new values and verdicts', () => {
    const leave = byHeading('Nghỉ hằng năm');
    expect(leave.kind).toBe('changed');
    const spans = leave.clauses[0]!.spans!;
    expect(spans).toContainEqual({ op: 'removed', text: '12 ' });
    expect(spans).toContainEqual({ op: 'added', text: '14 ' });
    expect(leave.measures.map((m) => m.text)).toContain(
      'Nghỉ hằng năm (điều kiện bình thường): 12 ngày làm việc → 14 ngày làm việc: bằng luật → có lợi hơn',
    );
    expect(leave.measures[0]).toMatchObject({
      from: { value: 12, verdict: 'equal' },
      to: { value: 14, verdict: 'above' },
    });

    const personal = byHeading('Nghỉ việc riêng');
    expect(personal.kind).toBe('changed');
    expect(personal.measures).toEqual([
      expect.objectContaining({
        subject: 'leave_child_marriage',
        from: expect.objectContaining({ value: 2 }),
        to: expect.objectContaining({ value: 3 }),
      }),
    ]);
  });

  it('lists a deleted point as removed where it stood', () => {
    const overtime = byHeading('Làm thêm giờ');
    expect(overtime.kind).toBe('changed');
    const removed = overtime.clauses.filter((c) => c.kind === 'removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]!.from).toMatchObject({
      label: 'điểm c',
      text: expect.stringContaining('ngày nghỉ lễ'),
    });
    const kinds = overtime.clauses.map((c) => c.kind);
    expect(kinds.indexOf('removed')).toBe(kinds.length - 1);
  });

  it('recognises a clause split in two', () => {
    const wages = byHeading('Tiền lương');
    const split = wages.clauses.find((c) => c.kind === 'split');
    expect(split?.from?.label).toBe('khoản 1');
    expect(split?.to?.map((t) => t.label)).toEqual(['khoản 1', 'khoản 2']);
    // The old clause 2 is the new clause 3, unchanged.
    expect(wages.clauses.find((c) => c.from?.label === 'khoản 2')).toMatchObject({
      kind: 'unchanged',
      to: [{ label: 'khoản 3' }],
    });
  });

  it('lists an added article with its clauses', () => {
    const training = byHeading('Đào tạo nghề');
    expect(training).toMatchObject({ kind: 'added', to: { number: '7' } });
    expect(diff.summary.added).toBe(1);
    expect(diff.summary.removed).toBe(0);
  });

  it('an agreement compared with itself is unchanged throughout', () => {
    const same = compareVersions(old, old, { on: '2026-11-23' });
    expect(same.articles.every((a) => a.kind === 'unchanged' && !a.renumbered)).toBe(true);
    expect(same.articles).toHaveLength(listArticles(old.tree).length);
  });

  it('never pairs unrelated articles of agreements with different layouts', () => {
    const bank = agreement('ngan-hang', new TextDecoder().decode(readSample('ngan-hang-sao-viet-2025.md')));
    const school = agreement(
      'giao-duc',
      new TextDecoder().decode(readSample('giao-duc-mam-non-hoa-sen-2025.txt')),
    );
    for (const [a, b] of [
      [old, bank],
      [bank, school],
    ] as const) {
      const result = compareVersions(a, b, { on: '2026-11-23' });
      const articlesA = new Map(listArticles(a.tree).map((x) => [x.id, x]));
      const articlesB = new Map(listArticles(b.tree).map((x) => [x.id, x]));
      const paired = result.articles.filter((c) => c.from && c.to);
      expect(paired.length).toBeGreaterThan(0);
      for (const pair of paired) {
        const topics = (id: string, map: typeof articlesA) =>
          new Set(classifyNode(map.get(id)!).map((t) => t.topic));
        const ta = topics(pair.from!.id, articlesA);
        const tb = topics(pair.to!.id, articlesB);
        const shared = [...ta].filter((t) => tb.has(t));
        expect(shared, `${pair.from!.heading} ↔ ${pair.to!.heading}`).not.toHaveLength(0);
      }
    }
  });
});
