import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, postingFile, postingText, put, tempContent } from '../posting/helpers.ts';

/** Run the data step on a content folder; its exit code and what it printed to stderr. */
function dataStep(content: string) {
  const out = mkdtempSync(join(tmpdir(), 'atlas-msg-out-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/data.ts'), '--content', content, '--out', out, '--no-cache', '--texts', join(out, 'texts')], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('the data step’s messages', () => {
  it('lists every file with an error, and files with warnings only up to a cap, then how many more and where to see them', () => {
    const { postings } = tempContent();
    // 60 reposts of one posting, a year apart: each later file carries a repost warning.
    for (let i = 0; i < 61; i++) {
      put(postings, `acme-robotics/ml-engineer-${i}.md`, postingFile({ title: 'ML Engineer', company: 'Acme Robotics', posted: `${1960 + i}-03-10` }, postingText('ranking')));
    }
    const warned = dataStep(postings);
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.stderr.match(/warning +repost of/g)).toHaveLength(50);
    expect(warned.stderr).toMatch(/… and warnings in 10 more files: npm run check lists them all/);
    // An error is always shown, however many warnings there are, and nothing is written.
    put(postings, 'acme-robotics/broken.md', '---\ntitle: [unclosed\n---\nText.\n');
    const failed = dataStep(postings);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/acme-robotics\/broken\.md/);
    expect(failed.stderr).toMatch(/nothing written/);
  });
});
