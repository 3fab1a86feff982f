/**
 * `npm run mirror -- [--port N] [--hn DIR] [--ashby DIR] [--greenhouse DIR] [--lever DIR]`: serve recorded API
 * responses on 127.0.0.1 laid out like the APIs (default: ../shared/hn and ../shared/boards/ashby), so
 * `npm run import -- <source> … --api http://127.0.0.1:PORT` imports them through the real client. Runs until stopped.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMirror } from '../src/lib/import/mirror.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8787' }, hn: { type: 'string' }, ashby: { type: 'string' }, greenhouse: { type: 'string' }, lever: { type: 'string' } },
});
const cwd = process.env.INIT_CWD ?? process.cwd();
const shared = resolve(import.meta.dirname, '../../shared');
const dir = (flag: string | undefined, fallback: string) => {
  const d = flag !== undefined ? resolve(cwd, flag) : fallback;
  return existsSync(d) ? d : undefined;
};
const folders = {
  hn: dir(values.hn, resolve(shared, 'hn')),
  ashby: dir(values.ashby, resolve(shared, 'boards/ashby')),
  greenhouse: dir(values.greenhouse, ''),
  lever: dir(values.lever, ''),
};
const { origin } = await startMirror(folders, Number(values.port));
console.log(`mirror: serving ${Object.entries(folders).filter(([, d]) => d).map(([k, d]) => `${k} from ${d}`).join(', ')} at ${origin}`);
console.log(`mirror: e.g. npm run import -- hn --thread 47975571 --api ${origin} --captured none`);
