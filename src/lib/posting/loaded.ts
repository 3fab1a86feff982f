import type { VFile } from 'vfile';
import type { ExtractResult } from '../extract/index.ts';
import type { FrontMatter } from './schema.ts';

/** One file under the content folder, read, checked and (when it has no errors) extracted. */
export interface LoadedPosting {
  /** Path relative to the content folder, with `/` separators. */
  rel: string;
  /** `<company>/<slug>`. */
  id: string;
  /** Carries every message about this file. */
  file: VFile;
  frontMatter: FrontMatter | null;
  body: string;
  /** Line where the body starts, for messages about the text. */
  bodyLine: number;
  /** Present when the file had no errors. */
  result: ExtractResult | null;
  /** With a result: the sentence that talks about pay when none was read (the dataset's `payMention`), else null. */
  payMention: string | null;
  /** The file's key in the data step's cache (its path and bytes), when it was read through the cache. */
  cacheKey?: string;
}
