// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { gzipPostings } from './src/lib/site/publish.ts';

// SITE_URL and BASE_PATH set the origin and base path (a GitHub Pages project site lives under /<repo>/).
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.BASE_PATH || '/';

/** After the build: publish postings.json gzipped (src/lib/site/publish.ts says why). */
const publishData = {
  name: 'atlas-publish-data',
  hooks: {
    /** @param {{ dir: URL, logger: { info: (m: string) => void } }} options */
    'astro:build:done': async ({ dir, logger }) => {
      const sizes = await gzipPostings(fileURLToPath(new URL('data/', dir)));
      if (sizes) logger.info(`data/postings.json (${(sizes.json / 1e6).toFixed(1)} MB) published as data/postings.json.gz (${(sizes.gz / 1e6).toFixed(1)} MB)`);
    },
  },
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap(), publishData],
});
