import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../clauses/errors.ts';
import { createService, type Service } from '../../service/index.ts';
import { readSample, searchQuery, tempLibrary } from '../helpers.ts';

const ON = '2026-11-23';
let temp: ReturnType<typeof tempLibrary>;
let service: Service;

beforeEach(async () => {
  temp = tempLibrary();
  service = createService({ library: temp.library, clock: () => ON });
  for (const file of ['xay-dung-song-hong-2022.md', 'nhua-thuan-an-2024.md'])
    await service.importDocument(readSample(file), { filename: file });
}, 30_000);
afterEach(() => temp.cleanup());

const ids = (filter: Parameters<Service['list']>[0]) =>
  service.list(filter, { page: 1, pageSize: 50 }).items.map((a) => a.id);
const expiryOf = (id: string) => service.expiry({ filter: {} }).items.find((i) => i.id === id);

describe('officer metadata edits', () => {
  it('moves the agreement in the province filter, the search filter and the expiry dashboard at once', async () => {
    const id = 'xay-dung-song-hong-2022';
    expect(service.agreement(id).meta.province).toBe('Hà Nội');
    expect(expiryOf(id)?.status).toBe('expired');
    expect(ids({ province: 'Hồ Chí Minh' })).not.toContain(id);
    const { meta } = await service.editMetadata(id, {
      set: { province: 'tỉnh Bình Dương', expiresOn: '2027-06-30', employer: 'Tổng công ty Sông Hồng' },
      by: 'Lan',
      at: '2026-11-20T08:00:00.000Z',
    });
    expect(meta).toMatchObject({
      province: 'Bình Dương',
      currentProvince: 'Hồ Chí Minh',
      expiresOn: '2027-06-30',
    });
    expect(meta.provenance?.province).toEqual({ from: 'hand', by: 'Lan', at: '2026-11-20T08:00:00.000Z' });
    // A filter on Hồ Chí Minh includes an agreement signed in Bình Dương (2025 map).
    expect(ids({ province: 'Hồ Chí Minh' })).toContain(id);
    expect(ids({ province: 'Hà Nội' })).not.toContain(id);
    expect(ids({ q: 'Sông Hồng' })).toContain(id);
    expect(expiryOf(id)).toMatchObject({
      expiresOn: '2027-06-30',
      status: 'in_force',
      province: 'Bình Dương',
    });
    const hits = await service.search(searchQuery({ filters: { province: ['Hồ Chí Minh'] }, limit: 500 }));
    expect(hits.hits.map((h) => h.agreementId)).toContain(id);
  });

  it('keeps the edits when the same document is removed and imported again', async () => {
    const id = 'xay-dung-song-hong-2022';
    await service.editMetadata(id, { set: { industry: 'xây dựng', signedOn: '2022-12-21' }, by: 'Minh' });
    await service.remove(id);
    const { agreement } = await service.importDocument(readSample(`${id}.md`), { filename: `${id}.md` });
    expect(agreement.meta).toMatchObject({ industry: 'xay-dung', signedOn: '2022-12-21' });
    expect(agreement.meta.provenance?.signedOn).toMatchObject({ from: 'hand', by: 'Minh' });
    expect(ids({ industry: 'xay-dung' })).toContain(agreement.id);
    expect(
      service
        .metadataEdits(agreement.id)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['industry', 'signedOn']);
  });

  it("withdrawing an edit returns the field to the text's value, after two edits of it", async () => {
    const id = 'nhua-thuan-an-2024';
    const text = service.agreement(id).meta;
    await service.editMetadata(id, { set: { employer: 'A' }, by: 'Lan' });
    await service.editMetadata(id, { set: { employer: 'B' }, by: 'Minh' });
    expect(service.agreement(id).meta.employer).toBe('B');
    const { meta } = await service.withdrawMetadataEdit(id, 'employer');
    expect(meta.employer).toBe(text.employer);
    expect(meta.provenance?.employer).toEqual(text.provenance?.employer);
    expect(service.agreement(id).meta.employer).toBe(text.employer);
    await expect(service.withdrawMetadataEdit(id, 'employer')).rejects.toMatchObject({
      code: 'edit_not_found',
    });
  });

  it.each([
    [{ province: 'Bình Dươngg' }, /không nhận ra tỉnh "Bình Dươngg" — có phải Bình Dương/],
    [{ industry: 'det mayy' }, /không nhận ra ngành "det mayy" — có phải Dệt may/],
    [{ signedOn: '20/12/2022' }, /không phải ngày YYYY-MM-DD/],
    [{ termMonths: 0 }, /cần một số từ 1 đến 120/],
    [{ level: 'nganh' }, /"level" không phải trường sửa được/],
    [{}, /Không có trường nào/],
  ])('refuses %j', async (set, message) => {
    const error = await service
      .editMetadata('nhua-thuan-an-2024', { set, by: 'Lan' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageVi).toMatch(message);
    expect(service.metadataEdits('nhua-thuan-an-2024')).toEqual([]);
  });
});
