import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createService, type Service } from '../../service/index.ts';
import { tempLibrary } from '../helpers.ts';

const agreement = (employer: string, signed: string, extra: string) => `---
employer: ${employer}
signedOn: ${signed}
---

# Thỏa ước lao động tập thể

## Điều 1. Thời giờ làm việc

Người lao động làm việc 44 giờ một tuần; ${signed}.

## Điều 2. Hiệu lực

${extra}
`;

let temp: ReturnType<typeof tempLibrary>;
let service: Service;
beforeEach(() => {
  temp = tempLibrary();
  service = createService({ library: temp.library, clock: () => '2026-11-23' });
});
afterEach(() => temp.cleanup());

const add = async (name: string, text: string) =>
  (await service.importDocument(Buffer.from(text), { filename: name })).agreement;

describe('the predecessor an agreement says it replaces', () => {
  const REPLACES = 'Thỏa ước này thay thế cho Thỏa ước lao động tập thể ký ngày 15/01/2021.';

  it('is linked when the same employer signed one that day', async () => {
    const old = await add('cu.md', agreement('Công ty TNHH Hòa Bình', '2021-01-15', 'Có hiệu lực 3 năm.'));
    const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
    expect(next.meta.replaces).toBe('thay thế cho Thỏa ước lao động tập thể ký ngày 15/01/2021');
    expect(next.meta.predecessorId).toBe(old.id);
    const app = createApp({ library: temp.library, today: () => '2026-11-23' });
    const html = await (await app.request(`/agreements/${next.id}`)).text();
    expect(html).toContain(`Thay thế cho</th><td><a href="/agreements/${old.id}">`);
  });

  it.each([
    ['another employer', 'Công ty TNHH Hòa Bình Mới', '2021-01-15'],
    ['another day', 'Công ty TNHH Hòa Bình', '2021-01-16'],
  ])('is not linked to %s; the words are shown as written', async (_, employer, signed) => {
    await add('cu.md', agreement(employer, signed, 'Có hiệu lực 3 năm.'));
    const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
    expect(next.meta.predecessorId).toBeUndefined();
    const app = createApp({ library: temp.library, today: () => '2026-11-23' });
    const html = await (await app.request(`/agreements/${next.id}`)).text();
    expect(html).toContain('Thay thế cho</th><td>thay thế cho Thỏa ước lao động tập thể ký ngày 15/01/2021');
  });

  it('is linked when the older agreement is imported after the newer one, and both pages show it', async () => {
    const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
    expect(next.meta.predecessorId).toBeUndefined();
    const old = await add('cu.md', agreement('Công ty TNHH Hòa Bình', '2021-01-15', 'Có hiệu lực 3 năm.'));
    expect(service.agreement(next.id).meta.predecessorId).toBe(old.id);
    expect(service.successors(old.id)).toEqual([next.id]);
    const app = createApp({ library: temp.library, today: () => '2026-11-23' });
    const newer = await (await app.request(`/agreements/${next.id}`)).text();
    expect(newer).toContain(`Thay thế cho</th><td><a href="/agreements/${old.id}">`);
    const older = await (await app.request(`/agreements/${old.id}`)).text();
    expect(older).toContain(`Được thay thế bởi</th><td><a href="/agreements/${next.id}">`);
  });

  it('shows the successor on the older page when imported in order too', async () => {
    const old = await add('cu.md', agreement('Công ty TNHH Hòa Bình', '2021-01-15', 'Có hiệu lực 3 năm.'));
    const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
    const app = createApp({ library: temp.library, today: () => '2026-11-23' });
    const older = await (await app.request(`/agreements/${old.id}?lang=en`)).text();
    expect(older).toContain(`Replaced by</th><td><a href="/agreements/${next.id}?lang=en">`);
  });

  it('does not link an older agreement of another employer or another day', async () => {
    const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
    await add('khac.md', agreement('Công ty TNHH Hòa Bình Mới', '2021-01-15', 'Có hiệu lực 3 năm.'));
    await add('ngay.md', agreement('Công ty TNHH Hòa Bình', '2021-01-16', 'Có hiệu lực 2 năm.'));
    expect(service.agreement(next.id).meta.predecessorId).toBeUndefined();
  });

  it('is undone when the older agreement is removed, and made again when it comes back', async () => {
    const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
    const text = agreement('Công ty TNHH Hòa Bình', '2021-01-15', 'Có hiệu lực 3 năm.');
    const old = await add('cu.md', text);
    await service.remove(old.id);
    expect(service.agreement(next.id).meta.predecessorId).toBeUndefined();
    const back = await add('cu.md', text);
    expect(service.agreement(next.id).meta.predecessorId).toBe(back.id);
  });

  describe('after an officer edits the metadata', () => {
    const OLD = agreement('Công ty TNHH Hòa Bình', '2021-01-16', 'Có hiệu lực 3 năm.');
    const by = { by: 'Cán bộ LĐLĐ' };

    it("links the newer one when the older one's signing day is corrected to the day it names", async () => {
      const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
      const old = await add('cu.md', OLD);
      expect(service.agreement(next.id).meta.predecessorId).toBeUndefined();
      await service.editMetadata(old.id, { set: { signedOn: '2021-01-15' }, ...by });
      expect(service.agreement(next.id).meta.predecessorId).toBe(old.id);
      expect(service.successors(old.id)).toEqual([next.id]);
      const app = createApp({ library: temp.library, today: () => '2026-11-23' });
      const older = await (await app.request(`/agreements/${old.id}`)).text();
      expect(older).toContain(`Được thay thế bởi</th><td><a href="/agreements/${next.id}">`);
      // Withdrawn, the day is the text's again, and the link it made goes.
      await service.withdrawMetadataEdit(old.id, 'signedOn');
      expect(service.agreement(next.id).meta.predecessorId).toBeUndefined();
      expect(service.successors(old.id)).toEqual([]);
    });

    it("drops the newer one's own link when its employer is changed, and makes it again when withdrawn", async () => {
      const old = await add('cu.md', agreement('Công ty TNHH Hòa Bình', '2021-01-15', 'Có hiệu lực 3 năm.'));
      const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
      const edited = await service.editMetadata(next.id, { set: { employer: 'Công ty CP An Khang' }, ...by });
      expect(edited.meta.predecessorId).toBeUndefined();
      expect(service.agreement(next.id).meta.predecessorId).toBeUndefined();
      expect(service.successors(old.id)).toEqual([]);
      const back = await service.withdrawMetadataEdit(next.id, 'employer');
      expect(back.meta.predecessorId).toBe(old.id);
      expect(service.successors(old.id)).toEqual([next.id]);
    });

    it('keeps the links of an edit of another field, and audits each link it changes', async () => {
      const old = await add('cu.md', agreement('Công ty TNHH Hòa Bình', '2021-01-15', 'Có hiệu lực 3 năm.'));
      const next = await add('moi.md', agreement('Công ty TNHH Hòa Bình', '2024-01-20', REPLACES));
      await service.editMetadata(old.id, { set: { district: 'Thủ Đức' }, ...by });
      expect(service.agreement(next.id).meta.predecessorId).toBe(old.id);
      await service.editMetadata(old.id, { set: { signedOn: '2021-02-01' }, ...by });
      expect(service.agreement(next.id).meta.predecessorId).toBeUndefined();
      const actions = service
        .auditLog({ agreementId: next.id, page: 1, pageSize: 50 })
        .items.map((entry) => entry.action);
      expect(actions).toContain('predecessor.unlink');
    });
  });
});
