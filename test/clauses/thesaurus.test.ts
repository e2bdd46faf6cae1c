import { describe, expect, it } from 'vitest';
import {
  EXPANSION_WEIGHTS,
  expandQuery,
  foldedSynonyms,
  oneEditAway,
  parseSearchQuery,
  parseThesaurus,
  planQuery,
  THESAURUS,
  topicsOfQuery,
  withoutQuestionWords,
} from '../../clauses/index.ts';
import { foldText } from '../../clauses/text.ts';

const texts = (query: string, max?: number) => expandQuery(query, max ? { max } : {}).map((a) => a.text);
/** Folded words only: `Tham quan, nghỉ mát` → `tham quan nghi mat`, `LĐ-TB&XH` → `ld tb xh`. */
const words = (text: string) => (foldText(text).match(/[a-z0-9]+/g) ?? []).join(' ');
const foldedTexts = (query: string, max?: number) => texts(query, max).map(words);

describe('the thesaurus data file', () => {
  it('carries a version, its sources and more than a hundred groups', () => {
    expect(THESAURUS.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(THESAURUS.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['blld', 'topics', 'samples', 'usage']),
    );
    expect(THESAURUS.groups.length).toBeGreaterThan(100);
    expect(THESAURUS.abbreviations.length).toBeGreaterThan(30);
  });

  it('refuses a group that merges lương and lượng', () => {
    const data = structuredClone(THESAURUS);
    data.groups.push({ id: 'bad', sources: ['usage'], terms: ['chất lương', 'chất lượng'] });
    expect(() => parseThesaurus(data)).toThrow(/merges "lương" and "lượng"/);
  });

  it('refuses an unknown topic, an unknown source and a term not in lower case', () => {
    const withTopic = structuredClone(THESAURUS);
    withTopic.groups.push({ id: 'bad', topic: 'nope', sources: ['usage'], terms: ['a b', 'c d'] });
    expect(() => parseThesaurus(withTopic)).toThrow(/unknown topic "nope"/);
    const withSource = structuredClone(THESAURUS);
    withSource.groups.push({ id: 'bad', sources: ['nowhere'], terms: ['a b', 'c d'] });
    expect(() => parseThesaurus(withSource)).toThrow(/unknown source "nowhere"/);
    const upper = structuredClone(THESAURUS);
    upper.groups.push({ id: 'bad', sources: ['usage'], terms: ['Tăng ca', 'c d'] });
    expect(() => parseThesaurus(upper)).toThrow(/lower case/);
    const twins = structuredClone(THESAURUS);
    twins.groups.push({ id: 'bad', sources: ['usage'], terms: ['nghỉ hằng năm', 'nghỉ hàng năm'] });
    expect(() => parseThesaurus(twins)).toThrow(/same words once folded/);
  });
});

describe('expandQuery', () => {
  // What people type → a phrasing the agreements use, which must be among the alternatives.
  it.each([
    ['tien an giua ca', 'bua an giua ca'],
    ['tiền ăn ca', 'bua an giua ca'],
    ['com ca', 'bua an giua ca'],
    ['tien com', 'bua an giua ca'],
    ['tang ca', 'lam them gio'],
    ['OT', 'lam them gio'],
    ['lam ngoai gio', 'lam them gio'],
    ['tien tang ca', 'tien luong lam them gio'],
    ['tang ca dem', 'lam them gio dem'],
    ['nghi co luong', 'nghi huong nguyen luong'],
    ['nghỉ có hưởng lương', 'nghi huong nguyen luong'],
    ['nghi khong luong', 'nghi khong huong luong'],
    ['tien thoi viec', 'tro cap thoi viec'],
    ['tro cap nghi viec', 'tro cap thoi viec'],
    ['tien mat viec', 'tro cap mat viec lam'],
    ['sua doc hai', 'boi duong bang hien vat'],
    ['boi duong hien vat', 'boi duong bang hien vat'],
    ['di du lich', 'tham quan nghi mat'],
    ['du lịch hè', 'tham quan nghi mat'],
    ['xe dua ruoc', 'dua don cong nhan'],
    ['xe đưa đón', 'dua don cong nhan'],
    ['phep nam', 'nghi hang nam'],
    ['nghỉ phép năm', 'nghi hang nam'],
    ['nghi phep', 'nghi hang nam'],
    ['luong thang 13', 'thang luong thu 13'],
    ['thuong cuoi nam', 'thuong tet'],
    ['tien tro', 'ho tro nha o'],
    ['tien gui tre', 'ho tro nuoi con nho'],
    ['tien xang', 'ho tro di lai'],
    ['do bao ho', 'phuong tien bao ve ca nhan'],
    ['kham suc khoe hang nam', 'kham suc khoe dinh ky'],
    ['co bau', 'mang thai'],
    ['nghi de', 'thai san'],
    ['den thang', 'hanh kinh'],
    ['cho con bu', 'nuoi con duoi 12 thang tuoi'],
    ['hop dong dai han', 'hop dong lao dong khong xac dinh thoi han'],
    ['duoi viec', 'cham dut hop dong lao dong'],
    ['nghi ngang', 'don phuong cham dut hop dong lao dong'],
    ['luong thu viec', 'tien luong trong thoi gian thu viec'],
    ['no luong', 'cham tra luong'],
    ['tru luong', 'khau tru tien luong'],
    ['len luong', 'nang luong'],
    ['luong toi thieu', 'luong toi thieu vung'],
    ['nghi cho viec', 'ngung viec'],
    ['bai cong', 'dinh cong'],
    ['hop cong nhan', 'hoi nghi nguoi lao dong'],
    ['phi cong doan', 'kinh phi cong doan'],
    ['tien tham nien', 'phu cap tham nien'],
    ['con cuoi', 'con de con nuoi ket hon'],
    ['bo me mat', 'cha de me de chet'],
    ['kho dong lanh', 'kho lanh'],
    ['tai nan khi lam viec', 'tai nan lao dong'],
    ['dao tao nghe', 'dao tao'],
    ['sam so', 'quay roi tinh duc'],
    ['gia han thoa uoc', 'keo dai thoi han'],
  ])('"%s" leads to "%s"', (query, expected) => {
    expect(foldedTexts(query, 40)).toContain(expected);
  });

  it.each([
    ['NLĐ', 'nguoi lao dong'],
    ['nld', 'nguoi lao dong'],
    ['NSDLĐ', 'nguoi su dung lao dong'],
    ['nsdld', 'nguoi su dung lao dong'],
    ['TƯLĐTT', 'thoa uoc lao dong tap the'],
    ['tuldtt', 'thoa uoc lao dong tap the'],
    ['HĐLĐ', 'hop dong lao dong'],
    ['hdld', 'hop dong lao dong'],
    ['BHXH', 'bao hiem xa hoi'],
    ['bhyt', 'bao hiem y te'],
    ['BHTN', 'bao hiem that nghiep'],
    ['ATVSLĐ', 'an toan ve sinh lao dong'],
    ['AT-VSLĐ', 'an toan ve sinh lao dong'],
    ['atvsld', 'an toan ve sinh lao dong'],
    ['CĐCS', 'cong doan co so'],
    ['cdcs', 'cong doan co so'],
    ['BLLĐ', 'bo luat lao dong'],
    ['KCN', 'khu cong nghiep'],
    ['kcx', 'khu che xuat'],
    ['KPCĐ', 'kinh phi cong doan'],
    ['pccc', 'phong chay chua chay'],
    ['TNLĐ', 'tai nan lao dong'],
    ['nld nu', 'nguoi lao dong nu'],
    ['hdld khong xac dinh thoi han', 'hop dong lao dong khong xac dinh thoi han'],
  ])('expands the abbreviation in "%s" to "%s"', (query, expected) => {
    expect(foldedTexts(query, 40)).toContain(expected);
  });

  it.each([
    ['người lao động', 'nld'],
    ['bảo hiểm xã hội', 'bhxh'],
    ['công đoàn cơ sở', 'cdcs'],
    ['khu công nghiệp', 'kcn'],
    ['hợp đồng lao động', 'hdld'],
  ])('shortens "%s" to its abbreviation "%s", which agreements also write', (query, expected) => {
    expect(foldedTexts(query, 40)).toContain(expected);
  });

  it('weighs an abbreviation above a synonym, and a synonym above a one-way word', () => {
    expect(expandQuery('BHXH')[0]?.weight).toBe(EXPANSION_WEIGHTS.abbreviation);
    expect(expandQuery('tăng ca')[0]?.weight).toBe(EXPANSION_WEIGHTS.synonym);
    expect(expandQuery('OT')[0]?.weight).toBe(EXPANSION_WEIGHTS.oneWay);
    const combined = expandQuery('nld tang ca', { max: 40 }).find(
      (a) => foldText(a.text) === 'nguoi lao dong lam them gio',
    );
    expect(combined?.weight).toBeCloseTo(EXPANSION_WEIGHTS.abbreviation * EXPANSION_WEIGHTS.synonym);
  });

  it('keeps the words it does not replace, and says what it replaced', () => {
    const [first] = expandQuery('tien an giua ca det may');
    expect(first?.text).toBe('bữa ăn giữa ca det may');
    expect(first?.replaced).toEqual([{ from: 'tien an giua ca', to: 'bữa ăn giữa ca', entry: 'meal' }]);
    expect(first?.terms.map((t) => t.phrase)).toEqual([true, false, false]);
  });

  it('replaces the longest phrase, not a shorter one inside it', () => {
    expect(texts('tiền ăn giữa ca', 40)).not.toContain('tiền bữa ăn giữa ca');
  });

  it('replaces a quoted phrase only as a whole', () => {
    expect(texts('"phụ cấp độc hại ca đêm"')).toEqual([]);
    expect(texts('"tăng ca"')).toContain('làm thêm giờ');
  });

  it.each([
    ['ký kết', 'kí kết'],
    ['kỷ luật', 'kỉ luật'],
    ['quy chế', 'qui chế'],
    ['ky ket', 'ki ket'],
  ])('spells "%s" the other way too: "%s"', (query, expected) => {
    expect(foldedTexts(query, 40)).toContain(words(expected));
  });

  it('never leads a word typed with diacritics to its look-alike (lương is not lượng)', () => {
    expect(texts('lượng')).toEqual([]);
    expect(texts('chất lượng bữa ăn', 40).join(' | ')).not.toMatch(/chất lương/);
    expect(texts('tiền lương', 40).join(' | ')).not.toMatch(/lượng/);
  });

  it.each(THESAURUS.distinct)('keeps "%s" and "%s" apart in every alternative', (a, b) => {
    for (const [from, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const words = expandQuery(from, { max: 100 }).flatMap((alt) => alt.terms.flatMap((t) => t.words));
      expect(words).not.toContain(other);
    }
  });

  it('finds nothing to expand in words the thesaurus does not hold', () => {
    expect(expandQuery('Phú Hưng')).toEqual([]);
    expect(expandQuery('')).toEqual([]);
  });
});

// Every entry of the data file, checked: each term leads to the group's formal wording, and back.
const groupCases = THESAURUS.groups.flatMap((group) =>
  group.terms.slice(1).map((term) => [group.id, term, group.terms[0]!] as const),
);
const oneWayCases = THESAURUS.groups.flatMap((group) =>
  (group.oneWay ?? []).map((term) => [group.id, term, group.terms[0]!] as const),
);
const abbreviationCases = THESAURUS.abbreviations.flatMap(({ forms, long }) =>
  forms.map((form) => [form, long] as const),
);

describe('every entry of the thesaurus', () => {
  it.each(groupCases)('%s: "%s" leads to "%s" and back', (_, term, formal) => {
    expect(foldedTexts(term, 100)).toContain(words(formal));
    expect(foldedTexts(formal, 100)).toContain(words(term));
  });

  it.each(oneWayCases)('%s: "%s" leads to "%s", never the other way', (_, term, formal) => {
    expect(foldedTexts(term, 100)).toContain(words(formal));
    expect(foldedTexts(formal, 100)).not.toContain(words(term));
  });

  it.each(abbreviationCases)('"%s" means "%s", with or without diacritics, and back', (form, long) => {
    const expected = words(long);
    expect(foldedTexts(form, 100)).toContain(expected);
    expect(foldedTexts(foldText(form), 100)).toContain(expected);
    expect(foldedTexts(long, 100)).toContain(words(form));
  });
});

describe('topicsOfQuery', () => {
  it.each([
    ['tien com ca', ['meal']],
    ['bữa ăn giữa ca', ['meal']],
    ['tang ca', ['overtime']],
    ['OT', ['overtime']],
    ['nghi phep nam', ['annual_leave']],
    ['du lich', ['welfare']],
    ['xe dua don', ['transport']],
    ['BHXH', ['insurance']],
    ['Phú Hưng', []],
  ])('"%s" names the topics %j', (query, topics) => {
    expect(topicsOfQuery(query).slice(0, topics.length || 1)).toEqual(topics);
  });
});

describe('oneEditAway', () => {
  it.each([
    ['luogn', 'luong'],
    ['luongg', 'luong'],
    ['lung', 'luong'],
    ['thuonh', 'thuong'],
  ])('"%s" is one typo from "%s"', (typo, word) => {
    expect(oneEditAway(typo)).toContain(word);
  });

  it('does not return the word itself', () => {
    expect(oneEditAway('ca')).not.toContain('ca');
  });
});

describe('foldedSynonyms', () => {
  const table = foldedSynonyms();

  it('gives an engine that folds accents the same alternatives, folded', () => {
    expect(table['tang ca']).toContain('lam them gio');
    expect(table['lam them gio']).toContain('tang ca');
    expect(table.bhxh).toEqual(['bao hiem xa hoi']);
    expect(table['bao hiem xa hoi']).toContain('bhxh');
  });

  it('never leads back to a one-way word', () => {
    expect(table.ot).toContain('lam them gio');
    expect(table['lam them gio']).not.toContain('ot');
  });
});

describe('the words an agreement would write, without the question words', () => {
  const core = (query: string) =>
    withoutQuestionWords(parseSearchQuery(query))
      .terms.flatMap((t) => t.folded)
      .join(' ');

  it.each([
    // `toi` is `tôi` (I) on its own, but `tối` (at most) inside `tang ca toi da`.
    ['tang ca toi da bao nhieu gio', 'tang ca toi da gio'],
    ['toi duoc nghi phep bao nhieu ngay', 'nghi phep ngay'],
    ['nghi phep bao nhieu ngay', 'nghi phep ngay'],
  ])('reads "%s" as "%s"', (query, expected) => {
    expect(core(query)).toBe(expected);
  });

  it('searches the formal wording of a question whose words are a thesaurus phrase', () => {
    const alternatives = planQuery('tang ca toi da bao nhieu gio').alternatives.map((a) => words(a.text));
    expect(alternatives).toContain('so gio lam them gio');
  });
});

describe('pay day as agreements write it', () => {
  it.each(['ngay nhan luong', 'ngày trả lương', 'lĩnh lương'])(
    '"%s" also searches "lương được trả vào ngày"',
    (query) => {
      expect(foldedTexts(query)).toContain('luong duoc tra vao ngay');
    },
  );
});
