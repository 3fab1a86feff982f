/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig adds Astro's Vite plugins so chart tests can render .astro components (astro/container).
export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
