/**
 * The chair's own Word file back with the check in it: a comment on each
 * measured clause (verdict, floor and citation, the library's median, the
 * better clause) and, for each blank and each clause below the law, the
 * suggested words as a tracked change (w:del/w:ins by "Thư viện Thỏa ước") the
 * chair accepts or rejects in Word. The document's XML is patched in place
 * (jszip): paragraphs, runs, styles and layout not touched stay as they were.
 */

import JSZip from 'jszip';

/** The author of the comments and tracked changes. */
export const REVIEW_AUTHOR = 'Thư viện Thỏa ước';

/** One note for the document: a comment on the paragraph holding `anchor`, and maybe a replacement. */
export interface ReviewNote {
  /** Words of the clause around the place, to find its paragraph (`…ca đêm là ………đồng/người`). */
  context: string;
  /** The exact words to comment on and replace (`………`, `180%`), as written in the document. */
  anchor: string;
  /** Lines of the comment. */
  comment: string[];
  /** The words to put instead of `anchor`, as a tracked change. */
  replacement?: string;
}

export interface ReviewOptions {
  /** ISO timestamp written on the comments and the changes. */
  date: string;
  author?: string;
}

export interface ReviewResult {
  bytes: Uint8Array;
  /** Notes placed as comments, changes made as tracked changes, and notes whose place was not found. */
  comments: number;
  changes: number;
  notFound: ReviewNote[];
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

const PARAGRAPH = /<w:p(?=[\s>/])(?:\s[^>]*?)?(?<!\/)>[\s\S]*?<\/w:p>/g;
const RUN = /<w:r(?=[\s>])(?:\s[^>]*?)?(?<!\/)>[\s\S]*?<\/w:r>/g;
const TEXT = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\s*\/>|<w:tab\s*\/>/g;

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function encode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Run {
  xml: string;
  start: number;
  end: number;
  /** Offsets of the run's text in the paragraph's text. */
  from: number;
  to: number;
  text: string;
  /** The run's properties (`<w:rPr>…</w:rPr>`), kept on the pieces it is cut into. */
  props: string;
  /** Only text in it: it can be cut. */
  plain: boolean;
}

function runsOf(paragraph: string): { runs: Run[]; text: string } {
  const runs: Run[] = [];
  let text = '';
  for (const m of paragraph.matchAll(RUN)) {
    const xml = m[0];
    let own = '';
    for (const t of xml.matchAll(TEXT)) own += t[0].startsWith('<w:tab') ? '\t' : decode(t[1] ?? '');
    const props = /<w:rPr>[\s\S]*?<\/w:rPr>|<w:rPr\s*\/>/.exec(xml)?.[0] ?? '';
    const inner = xml
      .replace(/^<w:r(?:\s[^>]*)?>/, '')
      .replace(/<\/w:r>$/, '')
      .replace(props, '')
      .replace(TEXT, '');
    runs.push({
      xml,
      start: m.index,
      end: m.index + xml.length,
      from: text.length,
      to: text.length + own.length,
      text: own,
      props,
      plain: inner.trim() === '',
    });
    text += own;
  }
  return { runs, text };
}

const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

function textRun(props: string, text: string): string {
  return text ? `<w:r>${props}<w:t xml:space="preserve">${encode(text)}</w:t></w:r>` : '';
}

interface Ids {
  comment: number;
  change: number;
}

/**
 * Puts a comment around the paragraph's text and, when it can cut the runs holding `anchor` (text only,
 * no fields or drawings), replaces the anchor by a tracked deletion and insertion.
 */
function annotateParagraph(
  paragraph: string,
  notes: ReadonlyArray<{ note: ReviewNote; at: number }>,
  ids: Ids,
  stamp: string,
  comments: string[],
): { xml: string; changes: number } {
  let xml = paragraph;
  let changes = 0;
  // Right to left, so the offsets of the places still to change hold.
  for (const { note, at } of [...notes].sort((a, b) => b.at - a.at)) {
    if (!note.replacement) continue;
    const { runs } = runsOf(xml);
    const end = at + note.anchor.length;
    const touched = runs.filter((r) => r.to > at && r.from < end);
    if (touched.length === 0 || touched.some((r) => !r.plain)) continue;
    const first = touched[0]!;
    const last = touched.at(-1)!;
    const props = first.props;
    const id = ids.change++;
    const id2 = ids.change++;
    const replaced =
      textRun(first.props, first.text.slice(0, at - first.from)) +
      `<w:del w:id="${id}" ${stamp}><w:r>${props}<w:delText xml:space="preserve">${encode(note.anchor)}</w:delText></w:r></w:del>` +
      `<w:ins w:id="${id2}" ${stamp}><w:r>${props}<w:t xml:space="preserve">${encode(note.replacement)}</w:t></w:r></w:ins>` +
      textRun(last.props, last.text.slice(end - last.from));
    xml = xml.slice(0, first.start) + replaced + xml.slice(last.end);
    changes++;
  }
  const lines = notes.flatMap(({ note }) => note.comment);
  const id = ids.comment++;
  comments.push(
    `<w:comment w:id="${id}" ${stamp} w:initials="TV">${lines
      .map((line) => `<w:p><w:r><w:t xml:space="preserve">${encode(line)}</w:t></w:r></w:p>`)
      .join('')}</w:comment>`,
  );
  const open = /^<w:p(?:\s[^>]*)?>(?:<w:pPr>[\s\S]*?<\/w:pPr>|<w:pPr\s*\/>)?/.exec(xml)![0];
  const body = xml.slice(open.length, -'</w:p>'.length);
  xml = `${open}<w:commentRangeStart w:id="${id}"/>${body}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r></w:p>`;
  return { xml, changes };
}

/** Where a note's anchor is in a paragraph's text: the occurrence nearest to where its context puts it. */
function placeIn(text: string, note: ReviewNote): number | undefined {
  const flat = squash(text);
  const context = squash(note.context);
  const anchor = note.anchor;
  const inContext = context.indexOf(squash(anchor));
  const found = flat.indexOf(context);
  if (found < 0 || inContext < 0) return undefined;
  const expected = found + inContext;
  let best: number | undefined;
  for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1))
    if (best === undefined || Math.abs(i - expected) < Math.abs(best - expected)) best = i;
  return best;
}

/**
 * Returns the same Word document with the notes in it: one comment per paragraph noted, each
 * replacement as a tracked change.
 *
 * @param docx the chair's .docx
 * @param notes what to say and where, in document order
 * @throws Error when the file is not a Word document (no word/document.xml)
 */
export async function reviewWordDocument(
  docx: Uint8Array,
  notes: readonly ReviewNote[],
  options: ReviewOptions,
): Promise<ReviewResult> {
  const zip = await JSZip.loadAsync(docx);
  const documentFile = zip.file('word/document.xml');
  if (!documentFile) throw new Error('not a Word document: word/document.xml is missing');
  const document = await documentFile.async('string');
  const stamp = `w:author="${encode(options.author ?? REVIEW_AUTHOR)}" w:date="${encode(options.date.replace(/\.\d+Z$/, 'Z'))}"`;
  const paragraphs = [...document.matchAll(PARAGRAPH)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    xml: m[0],
    text: runsOf(m[0]).text,
  }));
  // Notes go to the first paragraph at or after the last one used that holds them (document order).
  const placed = new Map<number, Array<{ note: ReviewNote; at: number }>>();
  const notFound: ReviewNote[] = [];
  let cursor = 0;
  for (const note of notes) {
    const order = [...paragraphs.keys()].slice(cursor).concat([...paragraphs.keys()].slice(0, cursor));
    let done = false;
    for (const i of order) {
      const at = placeIn(paragraphs[i]!.text, note);
      if (at === undefined) continue;
      const list = placed.get(i) ?? [];
      if (list.some((p) => p.at === at)) continue;
      list.push({ note, at });
      placed.set(i, list);
      cursor = i;
      done = true;
      break;
    }
    if (!done) notFound.push(note);
  }
  const existing = zip.file('word/comments.xml');
  const existingXml = existing ? await existing.async('string') : undefined;
  const usedIds = [
    ...(existingXml ?? '').matchAll(/w:id="(\d+)"/g),
    ...document.matchAll(/w:id="(\d+)"/g),
  ].map((m) => Number(m[1]));
  const next = usedIds.length ? Math.max(...usedIds) + 1 : 0;
  const ids: Ids = { comment: next, change: next + 10_000 };
  const comments: string[] = [];
  let changes = 0;
  let out = '';
  let at = 0;
  for (const [i, paragraph] of paragraphs.entries()) {
    const list = placed.get(i);
    if (!list) continue;
    const done = annotateParagraph(paragraph.xml, list, ids, stamp, comments);
    changes += done.changes;
    out += document.slice(at, paragraph.start) + done.xml;
    at = paragraph.end;
  }
  out += document.slice(at);
  // No folder entries ("word/"): the package keeps the parts it came with, plus the comments.
  const put = (name: string, text: string) => zip.file(name, text, { createFolders: false });
  put('word/document.xml', out);
  if (existingXml)
    put('word/comments.xml', existingXml.replace(/<\/w:comments>\s*$/, `${comments.join('')}</w:comments>`));
  else {
    put(
      'word/comments.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comments.join('')}</w:comments>`,
    );
    const relsPath = 'word/_rels/document.xml.rels';
    const rels =
      (await zip.file(relsPath)?.async('string')) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!rels.includes(COMMENTS_TYPE)) {
      const rIds = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
      const rId = `rId${(rIds.length ? Math.max(...rIds) : 0) + 1}`;
      put(
        relsPath,
        rels.replace(
          '</Relationships>',
          `<Relationship Id="${rId}" Type="${COMMENTS_TYPE}" Target="comments.xml"/></Relationships>`,
        ),
      );
    }
    const types = await zip.file('[Content_Types].xml')?.async('string');
    if (types && !types.includes('/word/comments.xml'))
      put(
        '[Content_Types].xml',
        types.replace(
          '</Types>',
          `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_CONTENT}"/></Types>`,
        ),
      );
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, comments: comments.length, changes, notFound };
}
