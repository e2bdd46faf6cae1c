import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers.ts';
import { sampleApp } from './sample-app.ts';

const TOKEN = 'test-token';
const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const ID = 'xay-dung-song-hong-2022';

const sample = sampleApp({
  files: ['xay-dung-song-hong-2022.md', 'nhua-thuan-an-2024.md'],
  each: true,
  apiToken: TOKEN,
});

const patch = (body: unknown, headers: Record<string, string> = auth) =>
  sample.app.request(`/api/agreements/${ID}/metadata`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify(body),
  });

describe('PATCH /api/agreements/:id/metadata', () => {
  it('sets fields by hand with who and when, and the list filter follows', async () => {
    const res = await patch({ province: 'Bình Dương', termMonths: 24, by: 'Lan' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      meta: Record<string, unknown>;
      edits: Array<{ field: string; by: string }>;
    };
    expect(body.meta).toMatchObject({
      province: 'Bình Dương',
      currentProvince: 'Hồ Chí Minh',
      termMonths: 24,
    });
    expect(body.edits.map((e) => [e.field, e.by])).toEqual([
      ['province', 'Lan'],
      ['termMonths', 'Lan'],
    ]);
    const list = (await (await sample.app.request('/api/agreements?province=HCM')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items.map((a) => a.id)).toContain(ID);
    const shown = (await (await sample.app.request(`/api/agreements/${ID}/metadata`)).json()) as {
      provenance: Record<string, { from: string; by?: string }>;
    };
    expect(shown.provenance.province).toMatchObject({ from: 'hand', by: 'Lan' });
  });

  it('takes who edits from X-Edited-By when the body does not say', async () => {
    const res = await patch({ employer: 'Sông Hồng' }, { ...auth, 'X-Edited-By': 'Minh' });
    expect(((await res.json()) as { edits: Array<{ by: string }> }).edits[0]?.by).toBe('Minh');
  });

  it('answers 400 with suggestions for a province it does not recognise', async () => {
    const res = await patch({ province: 'Binh Duongg' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/không nhận ra tỉnh "Binh Duongg" — có phải Bình Dương/);
  });

  it('needs the write token', async () => {
    const res = await patch({ employer: 'X' }, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(401);
  });

  it('withdraws an edit with DELETE …/metadata/:field, back to the value of the text', async () => {
    await patch({ province: 'Bình Dương' });
    const res = await sample.app.request(`/api/agreements/${ID}/metadata/province`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { meta: { province: string } }).meta.province).toBe('Hà Nội');
    const again = await sample.app.request(`/api/agreements/${ID}/metadata/province`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(again.status).toBe(404);
  });
});

describe('the agreement page', () => {
  const form = (fields: Record<string, string>) => {
    const body = new URLSearchParams(fields);
    return sample.app.request(`/agreements/${ID}/metadata`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
  };

  it('shows where each value came from and the source files', async () => {
    const html = await (await sample.app.request(`/agreements/${ID}`)).text();
    expect(html).toContain('Sửa thông tin');
    expect(html).toMatch(/theo văn bản, dòng \d+/);
    expect(html).toContain(`/api/agreements/${ID}/sources/`);
  });

  it('"Sửa thông tin" saves the changed fields; the page, the list and the expiry dashboard follow', async () => {
    const res = await form({ province: 'Bình Dương', expiresOn: '2027-01-31', by: 'Lan', token: TOKEN });
    expect(res.status).toBe(303);
    const html = await (await sample.app.request(`/agreements/${ID}`)).text();
    expect(html).toContain('Bình Dương — nay thuộc TP. Hồ Chí Minh');
    expect(html).toMatch(/do Lan sửa ngày \d\d\/\d\d\/\d{4}/);
    expect(await (await sample.app.request('/expiry?province=HCM')).text()).toContain(ID);
    expect(
      ((await (await sample.app.request(`/api/agreements/${ID}/metadata`)).json()) as { edits: unknown[] })
        .edits,
    ).toHaveLength(2);
  });

  it('says why an edit is refused, and refuses a wrong token', async () => {
    const refused = await form({ province: 'Binh Duongg', by: 'Lan', token: TOKEN });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('có phải Bình Dương');
    expect((await form({ province: 'Bình Dương', by: 'Lan', token: 'wrong' })).status).toBe(400);
    expect(sample.library.metaEdits(sample.library.get(ID)!.source.sha256)).toEqual([]);
  });
});
