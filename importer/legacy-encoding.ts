/**
 * Old Vietnamese documents typed with the pre-Unicode fonts come out as
 * garbage when their text is read as Unicode:
 * - TCVN3 (ABC, the `.Vn…` fonts) keeps one letter per Latin-1 character:
 *   `Tháa ­íc lao ®éng tËp thÓ` is `Thỏa ước lao động tập thể`;
 * - VNI (the `VNI-…` fonts) builds a letter from a base and a mark character:
 *   `Thoûa öôùc lao ñoäng taäp theå`.
 * This module recognises both and converts them. Public converters exist on
 * npm (`vietnamese-conversion`), but it detected neither encoding in our tests
 * and turned `ước` into `ươù`, so the tables are kept here, as data.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 character (as the Latin-1 character it shows as) → Unicode. */
const TCVN3: Record<string, string> = {
  '\u00b5': 'à',
  '\u00b6': 'ả',
  '\u00b7': 'ã',
  '\u00b8': 'á',
  '\u00b9': 'ạ',
  '\u00a8': 'ă',
  '\u00bb': 'ằ',
  '\u00bc': 'ẳ',
  '\u00bd': 'ẵ',
  '\u00be': 'ắ',
  '\u00c6': 'ặ',
  '\u00a9': 'â',
  '\u00c7': 'ầ',
  '\u00c8': 'ẩ',
  '\u00c9': 'ẫ',
  '\u00ca': 'ấ',
  '\u00cb': 'ậ',
  '\u00ae': 'đ',
  '\u00cc': 'è',
  '\u00ce': 'ẻ',
  '\u00cf': 'ẽ',
  '\u00d0': 'é',
  '\u00d1': 'ẹ',
  '\u00aa': 'ê',
  '\u00d2': 'ề',
  '\u00d3': 'ể',
  '\u00d4': 'ễ',
  '\u00d5': 'ế',
  '\u00d6': 'ệ',
  '\u00d7': 'ì',
  '\u00d8': 'ỉ',
  '\u00dc': 'ĩ',
  '\u00dd': 'í',
  '\u00de': 'ị',
  '\u00df': 'ò',
  '\u00e1': 'ỏ',
  '\u00e2': 'õ',
  '\u00e3': 'ó',
  '\u00e4': 'ọ',
  '\u00ab': 'ô',
  '\u00e5': 'ồ',
  '\u00e6': 'ổ',
  '\u00e7': 'ỗ',
  '\u00e8': 'ố',
  '\u00e9': 'ộ',
  '\u00ac': 'ơ',
  '\u00ea': 'ờ',
  '\u00eb': 'ở',
  '\u00ec': 'ỡ',
  '\u00ed': 'ớ',
  '\u00ee': 'ợ',
  '\u00ef': 'ù',
  '\u00f1': 'ủ',
  '\u00f2': 'ũ',
  '\u00f3': 'ú',
  '\u00f4': 'ụ',
  '\u00ad': 'ư',
  '\u00f5': 'ừ',
  '\u00f6': 'ử',
  '\u00f7': 'ữ',
  '\u00f8': 'ứ',
  '\u00f9': 'ự',
  '\u00fa': 'ỳ',
  '\u00fb': 'ỷ',
  '\u00fc': 'ỹ',
  '\u00fd': 'ý',
  '\u00fe': 'ỵ',
  '\u00a1': 'Ă',
  '\u00a2': 'Â',
  '\u00a3': 'Ê',
  '\u00a4': 'Ô',
  '\u00a5': 'Ơ',
  '\u00a6': 'Ư',
  '\u00a7': 'Đ',
};

/** Tone marks in VNI order of the mark characters below: sắc, huyền, hỏi, ngã, nặng. */
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
/** VNI mark characters: a tone on a plain vowel, on a circumflexed vowel, on a breve `ă`. */
const PLAIN = ['ù', 'ø', 'û', 'õ', 'ï'];
const HAT = ['á', 'à', 'å', 'ã', 'ä'];
const BREVE = ['é', 'è', 'ú', 'ü', 'ë'];

/** VNI sequence → Unicode, lower and upper case (a capital base takes a mark of either case). */
const VNI: Map<string, string> = (() => {
  const lower = new Map<string, string>([
    ['aâ', 'â'],
    ['aê', 'ă'],
    ['eâ', 'ê'],
    ['oâ', 'ô'],
    ['ô', 'ơ'],
    ['ö', 'ư'],
    ['ñ', 'đ'],
    ['í', 'í'],
    ['ì', 'ì'],
    ['æ', 'ỉ'],
    ['ó', 'ĩ'],
    ['ò', 'ị'],
    ['î', 'ỵ'],
  ]);
  const toned = (letter: string, tone: number) => `${letter}${TONES[tone]}`.normalize('NFC');
  for (let tone = 0; tone < 5; tone++) {
    for (const vowel of ['a', 'e', 'o', 'u']) lower.set(vowel + PLAIN[tone], toned(vowel, tone));
    if (tone < 4) lower.set(`y${PLAIN[tone]}`, toned('y', tone));
    lower.set(`ô${PLAIN[tone]}`, toned('ơ', tone));
    lower.set(`ö${PLAIN[tone]}`, toned('ư', tone));
    for (const vowel of ['a', 'e', 'o']) lower.set(vowel + HAT[tone], toned(`${vowel}\u0302`, tone));
    lower.set(`a${BREVE[tone]}`, toned('ă', tone));
  }
  const all = new Map(lower);
  for (const [sequence, letter] of lower) {
    const capital = letter.toUpperCase();
    all.set(sequence.toUpperCase(), capital);
    if (sequence.length === 2) all.set(sequence[0]!.toUpperCase() + sequence[1], capital);
  }
  return all;
})();
const VNI_SEQUENCE = new RegExp([...VNI.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/** Characters TCVN3 uses for ă â ê ô ơ ư đ and the tones of a: TCVN3 text is full of them, VNI never uses them. */
const TCVN3_MARKS = /[\u00a1-\u00ae\u00b5-\u00be]/g;
/** Latin-1 letters that no Vietnamese word uses: what a wrong conversion leaves behind. */
const FOREIGN = /[\u00a1-\u00ae\u00b5-\u00beÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ]/g;
/** Letters of Vietnamese Unicode outside Latin-1 (ă, đ, ơ, ư, ạ, ả, …). */
const VIETNAMESE_UNICODE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * Which legacy encoding the text is in, if any. A conversion is right when it
 * turns many characters into Vietnamese letters, leaves (almost) no foreign
 * Latin-1 letters behind, and the text had (almost) no Vietnamese letters of
 * its own. TCVN3 also needs its own marks (ư, đ, ơ, the tones of a…), which
 * every Vietnamese text is full of and VNI never uses.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | undefined {
  const before = count(text, VIETNAMESE_UNICODE);
  const marks = count(text, TCVN3_MARKS);
  const converts = (converted: string) => {
    const gained = count(converted, VIETNAMESE_UNICODE) - before;
    return gained >= 3 && gained > before * 10 && count(converted, FOREIGN) * 10 <= gained ? gained : 0;
  };
  const tcvn3 = converts(tcvn3ToUnicode(text));
  if (tcvn3 && marks * 5 >= tcvn3) return 'tcvn3';
  const vni = converts(vniToUnicode(text));
  if (vni && marks * 10 <= vni) return 'vni';
  return undefined;
}

/** Converts TCVN3 text to Unicode. Lines and words typed in the capital `.VnTimeH` fonts come out in capitals. */
export function tcvn3ToUnicode(text: string): string {
  return text.replace(/[\u00a1-\u00fe]/g, (char) => TCVN3[char] ?? char).replace(/[^\n]+/g, capitals);
}

/** Converts VNI text to Unicode. */
export function vniToUnicode(text: string): string {
  return text.replace(VNI_SEQUENCE, (sequence) => VNI.get(sequence) ?? sequence);
}

/**
 * A capital font shows lower-case codes as capitals, so `C` + `é` + `NG` is
 * `CỘNG`. A line with no lower-case Latin letter is written in capitals; in
 * other lines, so is a word with two capitals and no lower-case Latin letter
 * (`CỘNG`, not `Bộ`).
 */
function capitals(line: string): string {
  if (!/[a-z]/.test(line)) return /[A-Z]/.test(line) ? line.toUpperCase() : line;
  // Words are taken 100 letters at a time: an unbounded `\p{L}+` overflows the regex stack on a 5 MB "word".
  return line.replace(/\p{L}{1,100}/gu, (word) =>
    (word.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/[a-z]/.test(word) ? word.toUpperCase() : word,
  );
}

/** Detects and converts; `encoding` says which conversion was applied. */
export function convertLegacyEncoding(text: string): { text: string; encoding?: LegacyEncoding } {
  const encoding = detectLegacyEncoding(text);
  if (encoding === 'tcvn3') return { text: tcvn3ToUnicode(text), encoding };
  if (encoding === 'vni') return { text: vniToUnicode(text), encoding };
  return { text };
}
