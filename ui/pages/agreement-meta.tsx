/**
 * The agreement page's "Thông tin" section: each metadata value with where it came from ("theo văn bản,
 * dòng 12" / "do Lan sửa ngày 20/11/2026"), the source files to download, and the "Sửa thông tin" form.
 */

import type { AgreementMeta, MetaSource } from '../../clauses/types.ts';
import { Alert, formatDate } from '../components.tsx';
import { href, type PageContext } from '../layout.tsx';

/** One of the agreement's files, as listed. */
export interface SourceFileRow {
  sha256: string;
  filename: string;
  format: string;
  size: number;
  addedAt: string;
  primary: boolean;
}

export interface MetaDetailsProps {
  ctx: PageContext;
  agreementId: string;
  meta: AgreementMeta;
  /** The province with the one it now belongs to ("Bình Dương — nay thuộc TP. Hồ Chí Minh"). */
  provinceLabel?: string;
  sources: SourceFileRow[];
  /** The agreements that replace this one (linked to it as their predecessor). */
  successors?: string[];
  error?: string;
  /** A refused edit: what the officer typed (shown again), and the field refused with why, in both languages. */
  refused?: RefusedMetaEdit;
}

/** A metadata edit the service refused, as the form shows it again. */
export interface RefusedMetaEdit {
  /** The form's values as typed, by field name (the token is never among them). */
  typed: Record<string, string>;
  /** The field refused, when the refusal names one; its message is shown beside it. */
  field?: string;
  messageVi: string;
  messageEn: string;
}

/** The fields shown and offered in the form, with their labels (Vietnamese, English) and input type. */
const FIELDS: ReadonlyArray<[keyof AgreementMeta & string, string, string, 'text' | 'date' | 'number']> = [
  ['employer', 'Người sử dụng lao động', 'Employer', 'text'],
  ['parentGroup', 'Đơn vị cấp trên', 'Parent group', 'text'],
  ['unionSide', 'Bên tập thể lao động', 'Union side', 'text'],
  ['title', 'Tên văn bản', 'Title', 'text'],
  ['documentNumber', 'Số văn bản', 'Document number', 'text'],
  ['address', 'Địa chỉ', 'Address', 'text'],
  ['taxCode', 'Mã số thuế', 'Tax code', 'text'],
  ['signingPlace', 'Nơi ký', 'Signing place', 'text'],
  ['signedOn', 'Ngày ký', 'Signed on', 'date'],
  ['effectiveOn', 'Ngày hiệu lực', 'Effective on', 'date'],
  ['expiresOn', 'Ngày hết hạn', 'Expires on', 'date'],
  ['termMonths', 'Thời hạn (tháng)', 'Term (months)', 'number'],
  ['industry', 'Ngành', 'Industry', 'text'],
  ['province', 'Tỉnh, thành phố', 'Province', 'text'],
  ['district', 'Khu vực', 'Area', 'text'],
  ['superiorUnion', 'Công đoàn cấp trên theo dõi', 'Follow-up union', 'text'],
];

/** Where a value came from, in words. */
export function provenanceText(source: MetaSource | undefined, lang: 'vi' | 'en'): string {
  if (!source) return '';
  switch (source.from) {
    case 'text': {
      const where = [
        source.page ? (lang === 'vi' ? `trang ${source.page}` : `page ${source.page}`) : '',
        source.line ? (lang === 'vi' ? `dòng ${source.line}` : `line ${source.line}`) : '',
      ].filter(Boolean);
      return lang === 'vi'
        ? `theo văn bản${where.length ? `, ${where.join(', ')}` : ''}`
        : `from the text${where.length ? `, ${where.join(', ')}` : ''}`;
    }
    case 'derived': {
      if (!source.inputs?.length)
        return lang === 'vi' ? `suy ra (${source.rule})` : `derived (${source.rule})`;
      const hand = new Set(source.setByHand ?? []);
      const inputs = source.inputs
        .map((input) => {
          const label = FIELDS.find(([field]) => field === input);
          const name = label ? (lang === 'vi' ? label[1].toLowerCase() : label[2].toLowerCase()) : input;
          return hand.has(input) ? `${name} (${lang === 'vi' ? 'sửa tay' : 'set by hand'})` : name;
        })
        .join(', ');
      return lang === 'vi'
        ? `suy ra từ ${inputs} — ${source.rule}`
        : `derived from ${inputs} — ${source.rule}`;
    }
    case 'given':
      return lang === 'vi' ? 'ghi kèm khi nhập' : 'given with the import';
    case 'hand': {
      const on = source.at ? formatDate(source.at.slice(0, 10)) : '';
      return lang === 'vi'
        ? `do ${source.by ?? '?'} sửa${on ? ` ngày ${on}` : ''}`
        : `set by ${source.by ?? '?'}${on ? ` on ${on}` : ''}`;
    }
  }
}

export function MetaDetails(props: MetaDetailsProps) {
  const { ctx, meta } = props;
  const { t } = ctx;
  const vi = ctx.lang === 'vi';
  const record = meta as unknown as Record<string, string | number | undefined>;
  const shown = FIELDS.filter(([field]) => record[field] !== undefined);
  const refused = props.refused;
  const refusedField = FIELDS.find(([field]) => field === refused?.field)?.[0];
  return (
    <section aria-labelledby="meta-title">
      <h2 id="meta-title">{vi ? 'Thông tin và nguồn' : 'Details and where they come from'}</h2>
      <table class="meta-provenance">
        <tbody>
          {shown.map(([field, labelVi, labelEn]) => (
            <tr>
              <th scope="row">{vi ? labelVi : labelEn}</th>
              <td>
                {field === 'province' && props.provinceLabel ? props.provinceLabel : String(record[field])}
              </td>
              <td class="note">{provenanceText(meta.provenance?.[field as 'employer'], ctx.lang)}</td>
            </tr>
          ))}
          {meta.replaces || meta.predecessorId ? (
            <tr>
              <th scope="row">{vi ? 'Thay thế cho' : 'Replaces'}</th>
              <td>
                {meta.predecessorId ? (
                  <a href={href(ctx, `/agreements/${meta.predecessorId}`)}>{meta.predecessorId}</a>
                ) : (
                  meta.replaces
                )}
              </td>
              <td class="note">
                {meta.predecessorId && meta.replaces
                  ? `“${meta.replaces}”`
                  : provenanceText(meta.provenance?.replaces, ctx.lang)}
              </td>
            </tr>
          ) : (
            ''
          )}
          {props.successors?.length ? (
            <tr>
              <th scope="row">{vi ? 'Được thay thế bởi' : 'Replaced by'}</th>
              <td>
                {props.successors.map((id, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={href(ctx, `/agreements/${id}`)}>{id}</a>
                  </>
                ))}
              </td>
              <td class="note">
                {vi
                  ? 'thỏa ước mới ghi “thay thế cho” thỏa ước này'
                  : 'the newer agreement says it replaces this one'}
              </td>
            </tr>
          ) : (
            ''
          )}
        </tbody>
      </table>
      <h3>{vi ? 'Tệp gốc' : 'Source files'}</h3>
      <ul class="sources">
        {props.sources.map((s) => (
          <li>
            <a href={`/api/agreements/${props.agreementId}/sources/${s.sha256}`}>{s.filename}</a> ({s.format},{' '}
            {Math.max(1, Math.round(s.size / 1024))} KB, {formatDate(s.addedAt.slice(0, 10))})
            {s.primary ? <span class="note"> · {vi ? 'bản đọc nội dung' : 'read from'}</span> : ''}
          </li>
        ))}
      </ul>
      <Alert message={refused?.field && refusedField ? undefined : props.error} />
      <details {...(props.error || refused ? { open: true } : {})}>
        <summary>{vi ? 'Sửa thông tin' : 'Edit details'}</summary>
        <form method="post" action={href(ctx, `/agreements/${props.agreementId}/metadata`)} class="stack">
          {FIELDS.map(([field, labelVi, labelEn, type]) => {
            const wrong = refusedField === field;
            // A refused edit shows what the officer typed, so nothing typed is lost.
            const value = refused?.typed[field] ?? (record[field] === undefined ? '' : String(record[field]));
            return (
              <>
                <label for={`meta-${field}`}>{vi ? labelVi : labelEn}</label>
                <input
                  id={`meta-${field}`}
                  name={field}
                  // A refused value may not be of the input's type (a date as 20/12/2022): shown as text.
                  type={wrong ? 'text' : type}
                  value={value}
                  {...(wrong
                    ? { 'aria-invalid': 'true', 'aria-describedby': `meta-${field}-error`, autofocus: true }
                    : {})}
                />
                {wrong ? (
                  <p class="field-error" id={`meta-${field}-error`} role="alert">
                    <span lang="vi">{refused!.messageVi}</span>
                    <br />
                    <span lang="en" class="note">
                      {refused!.messageEn}
                    </span>
                  </p>
                ) : (
                  ''
                )}
              </>
            );
          })}
          <label for="meta-by">{t('yourName')}</label>
          <input id="meta-by" name="by" required autocomplete="name" value={refused?.typed.by ?? ''} />
          <label for="meta-token">{t('token')}</label>
          <input id="meta-token" name="token" type="password" required autocomplete="off" />
          <button type="submit">{vi ? 'Lưu thông tin' : 'Save details'}</button>
        </form>
      </details>
    </section>
  );
}
