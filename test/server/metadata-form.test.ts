import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers.ts';
import { sampleApp } from './sample-app.ts';

const TOKEN = 'test-token';
const ID = 'xay-dung-song-hong-2022';

const sample = sampleApp({ files: ['xay-dung-song-hong-2022.md'], each: true, apiToken: TOKEN });

const post = (fields: Record<string, string>, query = '') =>
  sample.app.request(`/agreements/${ID}/metadata${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
/** The `<input>` of a field on the page. */
const inputOf = (html: string, field: string) =>
  html.match(new RegExp(`<input[^>]*name="${field}"[^>]*>`))?.[0];
/** The message shown beside a field. */
const messageBeside = (html: string, field: string) =>
  html.match(new RegExp(`<p class="field-error" id="meta-${field}-error" role="alert">(.*?)</p>`))?.[1];

describe('a refused metadata edit on the agreement page', () => {
  it('shows why beside the province field, in Vietnamese and English, keeping what was typed', async () => {
    const res = await post({
      employer: 'Công ty Cổ phần Xây dựng Sông Hồng số 1',
      province: 'Binh Duongg',
      by: 'Lan',
      token: TOKEN,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    const message = messageBeside(html, 'province');
    expect(message).toContain('không nhận ra tỉnh &quot;Binh Duongg&quot; — có phải Bình Dương');
    expect(message).toContain('unknown province &quot;Binh Duongg&quot; — did you mean Bình Dương');
    expect(inputOf(html, 'province')).toContain('value="Binh Duongg"');
    expect(inputOf(html, 'province')).toContain('aria-invalid="true"');
    expect(inputOf(html, 'province')).toContain('aria-describedby="meta-province-error"');
    // The other fields keep what the officer typed, and the name; the token is never sent back.
    expect(inputOf(html, 'employer')).toContain('value="Công ty Cổ phần Xây dựng Sông Hồng số 1"');
    expect(inputOf(html, 'by')).toContain('value="Lan"');
    expect(html).not.toContain(TOKEN);
    expect(html).toMatch(/<details open="">\s*<summary>Sửa thông tin/);
    // Nothing was stored.
    expect(sample.library.get(ID)?.meta.employer).not.toBe('Công ty Cổ phần Xây dựng Sông Hồng số 1');
  });

  it.each([
    ['signedOn', '20/12/2022', 'không phải ngày YYYY-MM-DD', 'is not a date YYYY-MM-DD'],
    ['termMonths', '0', 'cần một số từ 1 đến 120', 'expected a number from 1 to 120'],
    ['industry', 'det mayy', 'không nhận ra ngành', 'unknown industry'],
  ])('shows the refusal of %s = "%s" beside it', async (field, value, vi, en) => {
    const html = await (await post({ [field]: value, by: 'Lan', token: TOKEN })).text();
    expect(messageBeside(html, field)).toContain(vi);
    expect(messageBeside(html, field)).toContain(en);
    // Shown as text, so a value the date or number input would not take is still there to correct.
    expect(inputOf(html, field)).toContain(`value="${value}"`);
    expect(inputOf(html, field)).toContain('type="text"');
  });

  it('keeps what was typed when the token is wrong, saying so above the form', async () => {
    const res = await post({ province: 'Bình Dương', by: 'Lan', token: 'wrong' }, '?lang=en');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(inputOf(html, 'province')).toContain('value="Bình Dương"');
    expect(html).toContain('class="alert" role="alert"');
    expect(html).not.toContain('class="field-error"');
  });

  it('names the refused field in the API error too', async () => {
    const res = await sample.app.request(`/api/agreements/${ID}/metadata`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ province: 'Binh Duongg', by: 'Lan' }),
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'invalid_metadata', field: 'province' });
  });
});
