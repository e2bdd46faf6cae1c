/**
 * Clause topics (chủ đề) following the bargaining subjects of Điều 67 BLLĐ
 * 2019, read from `data/topics.json`, and the classifier that tags a clause
 * with the topics its words name.
 */

import { z } from 'zod';
import raw from './data/topics.json' with { type: 'json' };
import { phraseMatcher } from './phrases.ts';
import type { ClauseNode } from './types.ts';

const TopicSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  /** Bargaining subject of Điều 67 khoản 1 (1–8). */
  group: z.number().int().min(1).max(8),
  essential: z.boolean().optional(),
  keywords: z.array(z.string().min(1)).min(1),
});

const TopicsFileSchema = z.object({
  version: z.string(),
  note: z.string(),
  topics: z.array(TopicSchema).min(1),
});

export type Topic = z.infer<typeof TopicSchema>;

/** A topic found in a text, with the words that named it. */
export interface TopicMatch {
  topic: string;
  words: string[];
}

/** Every topic, in the order of the data file. */
export const TOPICS: readonly Topic[] = TopicsFileSchema.parse(raw).topics;

const BY_ID = new Map(TOPICS.map((topic) => [topic.id, topic]));

export function getTopic(id: string): Topic | undefined {
  return BY_ID.get(id);
}

/**
 * The topics a text speaks of, with the words that triggered each.
 *
 * @param text clause text, with or without diacritics
 * @example classifyText('Nghỉ hằng năm 14 ngày') // [{ topic: 'annual_leave', words: ['nghỉ hằng năm'] }]
 */
export function classifyText(text: string): TopicMatch[] {
  const matcher = phraseMatcher(text);
  const found: TopicMatch[] = [];
  for (const topic of TOPICS) {
    const words = matcher.all(topic.keywords);
    if (words.length > 0) found.push({ topic: topic.id, words });
  }
  return found;
}

/** The text a node is classified by: its heading, its own text, or its table cells. */
export function nodeText(node: ClauseNode): string {
  if (node.type === 'table') return node.rows.map((row) => row.join(' | ')).join('\n');
  return [node.heading, node.text].filter(Boolean).join('. ');
}

/** The topics of one node, from its heading and its own text. */
export function classifyNode(node: ClauseNode): TopicMatch[] {
  return classifyText(nodeText(node));
}
