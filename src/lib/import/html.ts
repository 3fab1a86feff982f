/**
 * HTML from a job board or Hacker News → the posting's plain text, with rehype-parse (parse5, the HTML spec's parser:
 * entities decoded as a browser would) and hast-util-to-text (the `innerText` algorithm: block elements such as
 * paragraphs, list items and headings become their own lines). Links keep their visible text; nothing in the markup
 * survives as markup.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { decodeHTML } from 'entities';

const parser = unified().use(rehypeParse, { fragment: true });

/**
 * Plain text of an HTML fragment.
 * @param html the fragment
 * @param options `keepNewlines`: newlines typed in the text (as Hacker News comments keep them) stay line breaks
 *   instead of collapsing to spaces, as the poster's bullets and header line need
 */
export function htmlToText(html: string, options: { keepNewlines?: boolean } = {}): string {
  const tree = parser.parse(html);
  const text = toText(tree, { whitespace: options.keepNewlines ? 'pre-wrap' : 'normal' });
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Undo one extra level of HTML escaping (Greenhouse's `content` is `&lt;p&gt;…`), giving the HTML to parse.
 * @param escaped the field as the API serves it
 */
export function unescapeOnce(escaped: string): string {
  return decodeHTML(escaped);
}
