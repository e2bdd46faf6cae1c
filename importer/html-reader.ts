/**
 * HTML front end, for agreements published as web pages (a union's site, a
 * company's document portal): hast-util-from-html parses the page, the
 * lines a reader sees come out as for a Word file (mammoth's HTML goes the
 * same way), and the plain-text front end and the one tree builder do the rest.
 */

import { fromHtml } from 'hast-util-from-html';
import { htmlToText } from './html-text.ts';

/** True when text is an HTML document (`<!DOCTYPE html>`, `<html …>`), whatever the file is called. */
export function looksLikeHtml(head: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(head.replace(/^\uFEFF/, ''));
}

/**
 * Reads a web page into plain text in the layout the text front end understands.
 *
 * @param html the decoded page
 */
export function htmlPageToText(html: string): string {
  return htmlToText(fromHtml(html), { web: true });
}
