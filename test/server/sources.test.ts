import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateError } from '../../clauses/errors.ts';
import { createApp } from '../../server/app.ts';
import { createService, type Service } from '../../service/index.ts';
import { errorOf, readSample, tempLibrary } from '../helpers.ts';

const FORMATS = join(import.meta.dirname, '../../fixtures/formats');
const TOKEN = 'test-token';
const auth = { Authorization: `Bearer ${TOKEN}` };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let temp: ReturnType<typeof tempLibrary>;
let service: Service;

beforeEach(() => {
  temp = tempLibrary();
  service = createService({ library: temp.library, clock: () => '2026-11-23' });
});
afterEach(() => temp.cleanup());

describe('one agreement, several files', () => {
  it.each(['det-may-phu-hung-2024', 'nhua-thuan-an-2024'])(
    'importing %s.docx then its .pdf gives one agreement with two sources',
    async (base) => {
      const docx = readFileSync(join(FORMATS, `${base}.docx`));
      const pdf = readFileSync(join(FORMATS, `${base}.pdf`));
      const first = await service.importDocument(docx, { filename: `${base}.docx` });
      const second = await service.importDocument(pdf, { filename: `${base}.pdf` });
      expect(first.sameAgreement).toBeUndefined();
      expect(second.agreement.id).toBe(first.agreement.id);
      expect(second.sameAgreement?.message).toBe(
        `Đây là cùng một thỏa ước với ${first.agreement.meta.employer} (${first.agreement.id}) — đã thêm tệp làm bản gốc khác.`,
      );
      expect(second.sameAgreement?.messageEn).toContain(first.agreement.id);
      expect(service.counts().agreements).toBe(1);
      expect(service.sources(first.agreement.id).map((f) => [f.filename, f.format, f.primary])).toEqual([
        [`${base}.docx`, 'docx', true],
        [`${base}.pdf`, 'pdf', false],
      ]);
      // The same text as markdown is a third original of the same agreement.
      const md = readSample(`${base}.md`);
      expect((await service.importDocument(md, { filename: `${base}.md` })).sameAgreement).toBeDefined();
      expect(service.sources(first.agreement.id)).toHaveLength(3);
    },
  );

  it('says the same bytes twice are already in the library, whichever source they are', async () => {
    const docx = readFileSync(join(FORMATS, 'dien-tu-tan-phat-2025.docx'));
    const pdf = readFileSync(join(FORMATS, 'dien-tu-tan-phat-2025.pdf'));
    const { agreement } = await service.importDocument(docx, { filename: 'a.docx' });
    await service.importDocument(pdf, { filename: 'a.pdf' });
    for (const [bytes, name] of [
      [docx, 'b.docx'],
      [pdf, 'b.pdf'],
    ] as const) {
      const error = await service.importDocument(bytes, { filename: name }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateError);
      expect((error as DuplicateError).existingId).toBe(agreement.id);
    }
    expect(service.sources(agreement.id)).toHaveLength(2);
  });

  it('does not merge a renewal that changes one number, nor another year of the same employer', async () => {
    const text = new TextDecoder().decode(readSample('nhua-thuan-an-2024.md'));
    const [written, number] = text.match(/\b(\d{2,3}) (?:giờ|ngày|%)/) ?? [];
    expect(written && number).toBeTruthy();
    const renewal = text.replace(written!, written!.replace(number!, String(Number(number) + 1)));
    await service.importDocument(Buffer.from(text), { filename: 'nhua-2024.md' });
    const second = await service.importDocument(Buffer.from(renewal), { filename: 'nhua-2025.md' });
    expect(second.sameAgreement).toBeUndefined();
    await service.importDocument(readSample('det-may-phu-hung-2021.md'), { filename: 'ph-2021.md' });
    const later = await service.importDocument(readSample('det-may-phu-hung-2024.md'), {
      filename: 'ph-2024.md',
    });
    expect(later.sameAgreement).toBeUndefined();
    expect(service.counts().agreements).toBe(4);
  });

  it('removing the agreement removes all its sources', async () => {
    const docx = readFileSync(join(FORMATS, 'phan-bon-dong-nam-2025.docx'));
    const pdf = readFileSync(join(FORMATS, 'phan-bon-dong-nam-2025.pdf'));
    const { agreement } = await service.importDocument(docx, { filename: 'p.docx' });
    await service.importDocument(pdf, { filename: 'p.pdf' });
    await service.remove(agreement.id);
    expect(service.findBySha256(sha256(pdf))).toBeUndefined();
    const again = await service.importDocument(pdf, { filename: 'p.pdf' });
    expect(again.sameAgreement).toBeUndefined();
    expect(service.sources(again.agreement.id)).toHaveLength(1);
  });
});

describe('sources API', () => {
  it('answers the second file with the same agreement, lists both sources and downloads each', async () => {
    const app = createApp({ library: temp.library, apiToken: TOKEN, today: () => '2026-11-23' });
    const upload = (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes.slice()]), name);
      return app.request('/api/agreements', { method: 'POST', headers: auth, body: form });
    };
    const docx = readFileSync(join(FORMATS, 'det-may-phu-hung-2024.docx'));
    const pdf = readFileSync(join(FORMATS, 'det-may-phu-hung-2024.pdf'));
    const created = await upload(docx, 'phu-hung.docx');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const added = await upload(pdf, 'phu-hung-ky.pdf');
    expect(added.status).toBe(200);
    const body = (await added.json()) as { id: string; sameAgreement: boolean; message: string };
    expect(body).toMatchObject({ id, sameAgreement: true });
    expect(body.message).toContain(`(${id}) — đã thêm tệp làm bản gốc khác`);

    const list = await app.request(`/api/agreements/${id}/sources`);
    const { items } = (await list.json()) as {
      items: Array<{ filename: string; sha256: string; links: { download: string } }>;
    };
    expect(items.map((f) => f.filename)).toEqual(['phu-hung.docx', 'phu-hung-ky.pdf']);
    for (const [item, bytes] of [
      [items[0]!, docx],
      [items[1]!, pdf],
    ] as const) {
      const res = await app.request(item.links.download);
      expect(res.status).toBe(200);
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(bytes));
    }
    const missing = await app.request(`/api/agreements/${id}/sources/${'0'.repeat(64)}`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('source_not_found');
  });
});
