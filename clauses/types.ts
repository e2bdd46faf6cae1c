/**
 * Domain types: an agreement (thỏa ước lao động tập thể) and its clause tree.
 * Tree nodes follow the unist shape (`type`, `children`, `position`) so a
 * `switch (node.type)` narrows them and unist utilities can walk them.
 */

import type { FloorReference } from './compare.ts';
import type { SkipReason } from './entitlements.ts';
import type { FloorConditions } from './floors.ts';
import type { PerUnit, QuantityUnit } from './quantities.ts';
import type { MeasureSubject } from './subjects.ts';

/** A text in Vietnamese and in English, for the faces to show. */
export interface Message {
  vi: string;
  en: string;
}

/** Structural node kinds, outermost first. */
export type StructureKind =
  | 'part' // Phần
  | 'chapter' // Chương
  | 'section' // Mục
  | 'article' // Điều
  | 'clause' // khoản "1."
  | 'point' // điểm "a)" … "đ)"
  | 'item'; // bullets and decimal sub-numbers "3.1", "8.1 a)"

export type NodeKind = StructureKind | 'paragraph' | 'table';

export interface Point {
  /** 1-based line in the source document. */
  line: number;
  /** 1-based column in the source document. */
  column: number;
  /** Page of a PDF the node was read from. */
  page?: number;
}

export interface Position {
  start: Point;
}

interface NodeBase {
  /** Stable within the agreement: derived from the numbering path, e.g. `dieu-10.khoan-1.diem-b`. */
  id: string;
  /** Human path, e.g. `Chương III › Điều 10 › khoản 1 › điểm b`. */
  path: string;
  position?: Position;
  /** Set when the node was read from a scan by OCR: how sure the reading is. */
  ocr?: OcrConfidence;
}

/** How sure OCR was of a node's text: mean word confidence and, when it has numbers, the lowest of them (0–100). */
export interface OcrConfidence {
  confidence: number;
  numberConfidence?: number;
}

/** A numbered or bulleted unit of the agreement, or a free paragraph. */
export interface StructureNode extends NodeBase {
  type: StructureKind | 'paragraph';
  /** The number as written (`III`, `10`, `1`, `đ`, `3.1`, `-`); absent for paragraphs. */
  number?: string;
  /** Title of parts, chapters, sections and articles (`Tiền lương`). */
  heading?: string;
  /** The node's own text, without its children. */
  text: string;
  children: ClauseNode[];
}

/** A table (e.g. a leave grid "theo BLLĐ | thêm theo TƯLĐTT"). */
export interface TableNode extends NodeBase {
  type: 'table';
  /** Rows of cells, header row first when the document has one. */
  rows: string[][];
  children: [];
}

export type ClauseNode = StructureNode | TableNode;

/** Agreement level (Điều 75 BLLĐ 2019). */
export type AgreementLevel = 'enterprise' | 'sector' | 'multi_enterprise';

export type WageRegion = 1 | 2 | 3 | 4;

export interface Signatory {
  side: 'employer' | 'workers';
  name: string;
  title?: string;
}

/** Metadata of an agreement. Dates are ISO `YYYY-MM-DD`; what was not found is absent. */
export interface AgreementMeta {
  title?: string;
  documentNumber?: string;
  /** The employer (người sử dụng lao động): never the national motto, never its parent group. */
  employer?: string;
  /** The body above the issuing side in the header (a Tập đoàn or Tổng công ty above the employer). */
  parentGroup?: string;
  /** The employer's address (Địa chỉ, Trụ sở) as written. */
  address?: string;
  /** The employer's tax code (mã số thuế), when the text gives it. */
  taxCode?: string;
  /** The worker side, usually the grassroots union (CĐCS). */
  unionSide?: string;
  signatories: Signatory[];
  signingPlace?: string;
  signedOn?: string;
  /** Effective date; the signing date when none is written (Điều 78 khoản 1). */
  effectiveOn?: string;
  /** Term in months (1–3 years by Điều 78 khoản 3). */
  termMonths?: number;
  /** Last day the agreement is in force. */
  expiresOn?: string;
  level: AgreementLevel;
  /** Industry id from the taxonomy (`det-may`, `dien-tu`, …). */
  industry?: string;
  /** The province the text names (one of the 63 before 01/07/2025, or of the 34 after). */
  province?: string;
  /** The current province (one of the 34 since 01/07/2025, Nghị quyết 202/2025/QH15) `province` belongs to. */
  currentProvince?: string;
  /** The words the province was read from, as written (an address, the signing place, an addressee). */
  placeAsWritten?: string;
  /** The district or area whose union follows the agreement up. */
  district?: string;
  /** The union directly above the grassroots union. */
  superiorUnion?: string;
  wageRegion?: WageRegion;
  workersCovered?: number;
  /** Share of workers who voted for the agreement, in percent (Điều 76). */
  approvalPercent?: number;
  /** The words saying which agreement this one replaces, as written ("thay thế cho Thỏa ước … ký ngày 15/01/2021"). */
  replaces?: string;
  /** The signing date of the agreement it replaces, read from those words. */
  replacesSignedOn?: string;
  /** The agreement of the library it replaces (same employer, signed that day), linked when it is there. */
  predecessorId?: string;
  /** Where each value came from; a field without an entry was not found. */
  provenance?: MetaProvenance;
}

export type MetaField = Exclude<keyof AgreementMeta, 'signatories' | 'level' | 'provenance'>;

/** Where a metadata value came from. */
export type MetaSource =
  /** Read from the text: the 1-based line of the source document (a PDF's page too, when known). */
  | { from: 'text'; line?: number; page?: number }
  /** Derived by a rule from other fields (the effective date from the signing date, Điều 78). */
  | {
      from: 'derived';
      rule: string;
      /** The fields it was derived from (`effectiveOn`, `termMonths`), when derived again after an edit. */
      inputs?: MetaField[];
      /** Those of the inputs an officer set by hand: "derived from termMonths (set by hand)". */
      setByHand?: MetaField[];
    }
  /** Given beside the document: YAML front matter, a command-line flag, an upload form field. */
  | { from: 'given' }
  /** Set by hand by an officer after the import. */
  | { from: 'hand'; by?: string; at?: string };

export type MetaProvenance = Partial<Record<MetaField | 'signatories', MetaSource>>;

export type WarningCode =
  | 'missing_article_number'
  | 'article_number_sequence'
  | 'repeated_number'
  | 'text_before_first_heading'
  | 'no_structure'
  | 'metadata_missing'
  | 'metadata_derived'
  | 'metadata_invalid'
  | 'encoding'
  | 'legacy_encoding'
  | 'markdown_too_deep'
  | 'empty_heading'
  | 'scanned_text'
  | 'scan_low_confidence';

/** An import problem that did not stop the import. */
export interface ImportWarning {
  code: WarningCode;
  /** Vietnamese message for the editor. */
  message: string;
  /** English message. */
  messageEn: string;
  line?: number;
  field?: MetaField;
}

export type SourceFormat = 'markdown' | 'text' | 'docx' | 'pdf' | 'html' | 'image';

export interface SourceInfo {
  filename: string;
  format: SourceFormat;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface TreeStats {
  articles: number;
  clauses: number;
  nodes: number;
}

/** A grade as stored with an agreement: A–D, or `unranked` (see `gradeAgreement`). */
export type StoredGrade = 'A' | 'B' | 'C' | 'D' | 'unranked';

/** An imported agreement: metadata, clause tree, warnings and provenance. */
export interface Agreement {
  id: string;
  meta: AgreementMeta;
  tree: ClauseNode[];
  /** Lines of the header block (quốc hiệu, parties, căn cứ) before the first heading. */
  preamble: string[];
  /** Lines of the signature block and "Nơi nhận" after the last article. */
  closing: string[];
  warnings: ImportWarning[];
  source: SourceInfo;
  stats: TreeStats;
  /** ISO timestamp of the import. */
  importedAt: string;
  /** The grade last computed for it, once graded. */
  grade?: StoredGrade;
}

/** One line of what an import found, for the person who imported (Vietnamese first). */
export interface ImportMessage {
  /** `found`: a value read; `missing`: a value the text does not give; `note`: anything else worth saying. */
  kind: 'found' | 'missing' | 'note';
  message: string;
  messageEn: string;
}

/** What an import says to people: a few lines of summary, and the readers' own messages apart. */
export interface ImportReport {
  /** What was found (employer, dates, province, articles, numbers) and what is missing, in a few lines. */
  summary: ImportMessage[];
  /** Messages of the Word and PDF readers (mammoth's "Unrecognised paragraph style …"), as they wrote them. */
  technical: string[];
}

/** An agreement as the importer makes it, before the library gives it an id. */
export type AgreementDraft = Omit<Agreement, 'id' | 'importedAt' | 'grade'> & {
  /** Not stored: what the import says to the person who made it. */
  report?: ImportReport;
};

/** A row of a listing: metadata without the tree. */
export interface AgreementSummary {
  id: string;
  meta: AgreementMeta;
  source: SourceInfo;
  stats: TreeStats;
  warningCount: number;
  importedAt: string;
  grade?: StoredGrade;
}

/** Something that happened to an agreement after it was signed, recorded by union staff. */
export type AgreementEventType =
  /** Sent to the provincial labour authority (Điều 77). */
  | 'filed'
  /** Bargaining for an extension or a new agreement started (Điều 83). */
  | 'negotiation_started'
  /** Replaced by another agreement of the library. */
  | 'replaced'
  /** Term extended to a new expiry date (Điều 83, after the Điều 76 vote). */
  | 'extended';

export interface AgreementEvent {
  id: number;
  agreementId: string;
  type: AgreementEventType;
  /** The day it happened (`YYYY-MM-DD`). */
  date: string;
  /** For `extended`: the new last day in force. */
  extendedTo?: string;
  /** For `replaced`: the id of the agreement that replaces this one. */
  replacedBy?: string;
  note?: string;
  /** When it was recorded (ISO timestamp) and by whom. */
  recordedAt: string;
  recordedBy?: string;
}

/**
 * A place a model agreement or a draft leaves to fill ("Trợ cấp đi lại: ………..đồng/tháng"):
 * never a verdict, a question for the drafters.
 */
export interface Blank {
  nodeId: string;
  path: string;
  /** Row of a table node (the header is row 0). */
  row?: number;
  /** The clause (or the table row, its cells joined by ` | `) the blank is in. */
  text: string;
  /** The blank as written (`………..`, `_____`, `[số tiền]`, `ngày … tháng … năm 20…`). */
  written: string;
  /** Where it is in `text`. */
  start: number;
  end: number;
  /** `amount`: a unit follows (`đồng/tháng`, `%`, `ngày`); `date`: a day left blank; `text`: a name or words. */
  kind: 'amount' | 'date' | 'text';
  /** The words before it that say what goes in it: "Trợ cấp đi lại", "ca đêm". */
  label: string;
  /** The unit written after it, as written (`đồng/tháng`). */
  unitWritten?: string;
  unit?: QuantityUnit;
  per?: PerUnit[];
  /** What it is about, when its words say it (the measures' subject recognition). */
  subject?: MeasureSubject;
  conditions?: FloorConditions;
  /** Why a number written there would not be measured (a condition of another benefit, …). */
  reason?: SkipReason;
  /** The legal floor in force for its subject on the day asked (`readBlanks` with `on`). */
  floor?: FloorReference;
}
