import { describe, expect, it } from 'vitest';
import { importDocument, importFile } from '../../importer/index.ts';
import { detectLegacyEncoding, tcvn3ToUnicode, vniToUnicode } from '../../importer/legacy-encoding.ts';
import { readSample } from '../helpers.ts';

/**
 * Encoders written here from the fonts' rules, independently of the decoder's tables.
 * TCVN3: one code per lower-case letter, in the order of the standard's table;
 * capitals with tone marks have no code and are typed with the lower-case code in a capital font.
 */
const TCVN3_LETTERS = 'àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ';
const TCVN3_CODES = [
  0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6, 0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xae,
  0xcc, 0xce, 0xcf, 0xd0, 0xd1, 0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xdc, 0xdd, 0xde, 0xdf, 0xe1,
  0xe2, 0xe3, 0xe4, 0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xac, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef, 0xf1, 0xf2,
  0xf3, 0xf4, 0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe,
];
const TCVN3_CAPITALS: Record<string, number> = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};

function toTcvn3(unicode: string): string {
  return [...unicode.normalize('NFC')]
    .map((char) => {
      if (TCVN3_CAPITALS[char]) return String.fromCharCode(TCVN3_CAPITALS[char]);
      const index = TCVN3_LETTERS.indexOf(char.toLowerCase());
      return index < 0 ? char : String.fromCharCode(TCVN3_CODES[index]!);
    })
    .join('');
}

/** VNI: base letter, then one character for the shape and tone; ơ ư đ and the toned i, ỵ are single characters. */
const VNI_TONE: Record<string, [string, string, string]> = {
  // tone: [on a plain vowel, on â ê ô, on ă]
  '\u0301': ['ù', 'á', 'é'],
  '\u0300': ['ø', 'à', 'è'],
  '\u0309': ['û', 'å', 'ú'],
  '\u0303': ['õ', 'ã', 'ü'],
  '\u0323': ['ï', 'ä', 'ë'],
};
const VNI_I: Record<string, string> = {
  '\u0301': 'í',
  '\u0300': 'ì',
  '\u0309': 'æ',
  '\u0303': 'ó',
  '\u0323': 'ò',
};

function toVni(unicode: string): string {
  return [...unicode.normalize('NFC')]
    .map((char) => {
      const capital = char !== char.toLowerCase();
      const [base = '', ...marks] = char.toLowerCase().normalize('NFD');
      let out: string;
      if (base === 'đ') out = 'ñ';
      else {
        const hat = marks.includes('\u0302');
        const breve = marks.includes('\u0306');
        const horn = marks.includes('\u031b');
        const tone = marks.find((m) => VNI_TONE[m]);
        if (!/[aeiouy]/.test(base) || (!hat && !breve && !horn && !tone)) return char;
        if (base === 'i') out = tone ? VNI_I[tone]! : 'i';
        else if (base === 'y' && tone === '\u0323') out = 'î';
        else if (horn) out = (base === 'o' ? 'ô' : 'ö') + (tone ? VNI_TONE[tone]![0] : '');
        else if (hat || breve) out = base + (tone ? VNI_TONE[tone]![hat ? 1 : 2] : hat ? 'â' : 'ê');
        else out = base + VNI_TONE[tone!]![0];
      }
      return capital ? out.toUpperCase() : out;
    })
    .join('');
}

const SENTENCES = [
  'Thỏa ước lao động tập thể',
  'Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc',
  'Người lao động được nghỉ hằng năm 14 ngày làm việc; con kết hôn nghỉ 02 ngày, hưởng nguyên lương.',
  'Tiền lương làm thêm giờ vào ngày nghỉ hằng tuần ít nhất bằng 200%; phụ cấp ăn giữa ca 35.000 đồng/bữa.',
  'Theo Bộ luật Lao động, Điều 113; Tổ chức Công đoàn cơ sở.',
  'Ủy ban nhân dân huyện; quyền lợi, nghĩa vụ; khuyến khích; thưởng Tết; bảo hiểm y tế; vệ sinh; rủi ro.',
];

describe('legacy Vietnamese encodings', () => {
  it('reads the garbage shown in the issue and the classic national motto', () => {
    expect(tcvn3ToUnicode('Tháa ­íc lao ®éng tËp thÓ')).toBe('Thỏa ước lao động tập thể');
    expect(tcvn3ToUnicode('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(vniToUnicode('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe(
      'Cộng hòa xã hội chủ nghĩa Việt Nam',
    );
  });

  it('the test encoders reproduce the known garbage, so they encode as the fonts do', () => {
    expect(toTcvn3('Thỏa ước lao động tập thể')).toBe('Tháa ­íc lao ®éng tËp thÓ');
    expect(toVni('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
  });

  it.each(SENTENCES)('TCVN3 and VNI round-trip: %s', (sentence) => {
    // TCVN3 has no capitals with tone marks: a capital that starts a mixed-case word comes back in lower case.
    const tcvn3 = toTcvn3(sentence);
    expect(detectLegacyEncoding(tcvn3)).toBe('tcvn3');
    expect(tcvn3ToUnicode(tcvn3)).toBe(sentence.replace(/(?<!\p{L})Ủ/gu, 'ủ'));
    const vni = toVni(sentence);
    expect(detectLegacyEncoding(vni)).toBe('vni');
    expect(vniToUnicode(vni)).toBe(sentence);
  });

  it('writes words typed in a capital font in capitals', () => {
    expect(tcvn3ToUnicode(toTcvn3('CHƯƠNG III. THỜI GIỜ LÀM VIỆC, THỜI GIỜ NGHỈ NGƠI'))).toBe(
      'CHƯƠNG III. THỜI GIỜ LÀM VIỆC, THỜI GIỜ NGHỈ NGƠI',
    );
    expect(vniToUnicode(toVni('ĐIỀU 5. NGHỈ HẰNG NĂM'))).toBe('ĐIỀU 5. NGHỈ HẰNG NĂM');
  });

  it('leaves Unicode text alone, even with °, ±, «» and words like hoàn toàn, quân', () => {
    for (const text of [...SENTENCES, 'Nhiệt độ 30°C ± 2; «hoàn toàn» quân đội; ½ lương; 10 m²']) {
      expect(detectLegacyEncoding(text)).toBeUndefined();
    }
    // Latin-1 text that is neither: French, German.
    expect(detectLegacyEncoding('Garçon, à côté de l’église; über schön Größe')).toBeUndefined();
  });
});

describe('importing legacy-encoded agreements', () => {
  const original = importDocument(readSample('det-may-phu-hung-2024.md'), { filename: 'det-may.md' });
  const source = new TextDecoder().decode(readSample('det-may-phu-hung-2024.md'));

  it.each([
    ['TCVN3', 'tcvn3', toTcvn3],
    ['VNI', 'vni', toVni],
  ] as const)(
    'a %s text file saved one byte per character imports to the same tree, with a warning',
    async (name, _code, encode) => {
      const legacy = encode(source);
      const bytes = Uint8Array.from(legacy, (c) => c.charCodeAt(0));
      const draft = await importFile(bytes, { filename: 'det-may-cu.md' });
      const warning = draft.warnings.find((w) => w.code === 'legacy_encoding');
      expect(warning?.message).toContain(name);
      expect(warning?.messageEn).toContain('converted to Unicode');
      if (name === 'VNI') expect(draft.tree).toEqual(original.tree);
      else {
        // TCVN3 loses only capitals with tone marks at the start of mixed-case words (`Ủy ban` → `ủy ban`).
        expect(JSON.stringify(draft.tree).toLowerCase()).toBe(JSON.stringify(original.tree).toLowerCase());
      }
      expect(draft.meta.employer?.toLowerCase()).toBe(original.meta.employer?.toLowerCase());
    },
  );

  it('legacy text coming out of a Word file (as UTF-8) is converted too', async () => {
    const bytes = new TextEncoder().encode(toVni(source));
    const draft = await importFile(bytes, { filename: 'det-may-vni.md' });
    expect(draft.warnings.map((w) => w.code)).toContain('legacy_encoding');
    expect(draft.tree).toEqual(original.tree);
  });

  it('a Unicode agreement gets no conversion warning', () => {
    expect(original.warnings.map((w) => w.code)).not.toContain('legacy_encoding');
  });
});
