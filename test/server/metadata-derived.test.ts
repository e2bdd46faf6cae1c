import { describe, expect, it } from 'vitest';
import { sampleApp } from './sample-app.ts';

const TOKEN = 'test-token';
const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
// Effective 01/01/2023 and "thời hạn 36 tháng" as written: the expiry 31/12/2025 is derived from them.
const ID = 'xay-dung-song-hong-2022';

const sample = sampleApp({ files: ['xay-dung-song-hong-2022.md'], each: true, apiToken: TOKEN });

const patch = (body: unknown) =>
  sample.app.request(`/api/agreements/${ID}/metadata`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify(body),
  });
const expiryItem = async () =>
  (
    (await (await sample.app.request('/api/expiry?province=H%C3%A0%20N%E1%BB%99i')).json()) as {
      items: Array<{ id: string; status: string; expiresOn?: string }>;
    }
  ).items.find((i) => i.id === ID);

describe('a date edited by hand moves what is derived from it', () => {
  it('a term set by hand moves the derived expiry, and the expiry status follows', async () => {
    expect(await expiryItem()).toMatchObject({ expiresOn: '2025-12-31', status: 'expired' });
    const res = await patch({ termMonths: 48, by: 'Lan' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { meta: { expiresOn: string; provenance: Record<string, unknown> } };
    expect(body.meta.expiresOn).toBe('2026-12-31');
    expect(body.meta.provenance.expiresOn).toEqual({
      from: 'derived',
      rule: 'effectiveOn + termMonths',
      inputs: ['effectiveOn', 'termMonths'],
      setByHand: ['termMonths'],
    });
    expect(await expiryItem()).toMatchObject({ expiresOn: '2026-12-31', status: 'renewal_window' });
    // The audit log records the expiry that followed beside the term edited.
    const [entry] = sample.library.accounts.audit({ action: 'metadata.edit', page: 1, pageSize: 10 }).items;
    expect(entry).toMatchObject({
      before: { termMonths: 36, expiresOn: '2025-12-31' },
      after: { termMonths: 48, expiresOn: '2026-12-31' },
    });
    const page = await (await sample.app.request(`/agreements/${ID}`)).text();
    expect(page).toContain('suy ra từ ngày hiệu lực, thời hạn (tháng) (sửa tay) — effectiveOn + termMonths');
    expect(await (await sample.app.request(`/agreements/${ID}?lang=en`)).text()).toContain(
      'derived from effective on, term (months) (set by hand)',
    );
  });

  it('an expiry set by hand wins over the derivation when the term is edited after it', async () => {
    await patch({ expiresOn: '2026-06-30', by: 'Lan' });
    const res = await patch({ termMonths: 48, by: 'Minh' });
    expect(((await res.json()) as { meta: { expiresOn: string } }).meta.expiresOn).toBe('2026-06-30');
    expect(await expiryItem()).toMatchObject({ expiresOn: '2026-06-30', status: 'expired' });
  });

  it('withdrawing the term edit puts the derived expiry back', async () => {
    await patch({ termMonths: 48, by: 'Lan' });
    const res = await sample.app.request(`/api/agreements/${ID}/metadata/termMonths`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(((await res.json()) as { meta: { expiresOn: string } }).meta.expiresOn).toBe('2025-12-31');
    expect(await expiryItem()).toMatchObject({ expiresOn: '2025-12-31', status: 'expired' });
  });
});
