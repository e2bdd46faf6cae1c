/**
 * Builds `clauses/data/law-*.json` from the public texts of the Labour Code
 * and its decree, and the Law on Occupational Safety and Health (`shared/domain/law/*.txt`): one record per article with
 * its clauses (khoản) and points (điểm), so a comparison can show the exact
 * words of the rule a clause is measured against.
 *
 * Usage: npx tsx scripts/build-law-data.ts [law-dir]   (default ../shared/domain/law)
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../clauses/text.ts';

interface LawPoint {
  letter: string;
  text: string;
}
interface LawClause {
  number: number;
  text: string;
  points: LawPoint[];
}
interface LawArticle {
  number: number;
  heading: string;
  chapter?: string;
  intro: string;
  clauses: LawClause[];
}

const SOURCES = [
  {
    file: 'bo-luat-lao-dong-2019.txt',
    out: 'law-bo-luat-lao-dong-2019.json',
    law: 'BLLĐ 2019',
    title: 'Bộ luật Lao động số 45/2019/QH14',
  },
  {
    file: 'nghi-dinh-145-2020.txt',
    out: 'law-nghi-dinh-145-2020.json',
    law: 'NĐ 145/2020',
    title: 'Nghị định số 145/2020/NĐ-CP',
  },
  {
    file: 'luat-an-toan-ve-sinh-lao-dong-2015.txt',
    out: 'law-luat-an-toan-ve-sinh-lao-dong-2015.json',
    law: 'Luật ATVSLĐ 2015',
    title: 'Luật An toàn, vệ sinh lao động số 84/2015/QH13',
  },
];

const ARTICLE = /^Điều (\d+)\.\s*(.*)$/u;
const CLAUSE = /^(\d+)\.\s+(.*)$/u;
const POINT = /^([a-zđ])\)\s+(.*)$/u;
const CHAPTER = /^Chương [IVXLC]+\b/u;
const STARTS_UNIT = /^(?:Điều \d+\.|\d+\.\s|[a-zđ]\)\s|Chương [IVXLC]+|Mục \d+)/u;

/** Joins hard-wrapped lines back into paragraphs (the decree's text is wrapped). */
function paragraphs(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalizeText(text).split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const previous = out[out.length - 1];
    if (
      previous !== undefined &&
      !/[.;:!?]$/.test(previous) &&
      !STARTS_UNIT.test(line) &&
      !CHAPTER.test(previous)
    ) {
      out[out.length - 1] = `${previous} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

function parseLaw(text: string): LawArticle[] {
  const articles: LawArticle[] = [];
  let chapter: string | undefined;
  let article: LawArticle | undefined;
  let clause: LawClause | undefined;
  let point: LawPoint | undefined;
  let pendingChapter = false;
  for (const line of paragraphs(text)) {
    if (CHAPTER.test(line)) {
      chapter = line;
      pendingChapter = true;
      article = undefined;
      continue;
    }
    if (pendingChapter && !ARTICLE.test(line) && !/^Mục \d+/u.test(line)) {
      chapter = `${chapter} ${line}`;
      pendingChapter = false;
      continue;
    }
    pendingChapter = false;
    const a = ARTICLE.exec(line);
    if (
      a &&
      (!article || Number(a[1]) === article.number + 1 || !articles.some((x) => x.number === Number(a[1])))
    ) {
      article = { number: Number(a[1]), heading: a[2] ?? '', intro: '', clauses: [] };
      if (chapter) article.chapter = chapter;
      articles.push(article);
      clause = undefined;
      point = undefined;
      continue;
    }
    if (!article || /^Mục \d+/u.test(line)) continue;
    const c = CLAUSE.exec(line);
    if (c && Number(c[1]) === (clause?.number ?? 0) + 1) {
      clause = { number: Number(c[1]), text: c[2] ?? '', points: [] };
      article.clauses.push(clause);
      point = undefined;
      continue;
    }
    const p = POINT.exec(line);
    if (p && clause) {
      point = { letter: p[1] ?? '', text: p[2] ?? '' };
      clause.points.push(point);
      continue;
    }
    if (point) point.text += `\n${line}`;
    else if (clause) clause.text += `\n${line}`;
    else article.intro += article.intro ? `\n${line}` : line;
  }
  return articles;
}

const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'domain', 'law');
for (const source of SOURCES) {
  const articles = parseLaw(readFileSync(join(dir, source.file), 'utf8'));
  const target = join(import.meta.dirname, '..', 'clauses', 'data', source.out);
  writeFileSync(target, `${JSON.stringify({ law: source.law, title: source.title, articles }, null, 1)}\n`);
  console.log(`${source.law}: ${articles.length} articles → ${target}`);
}
