// The inspector page is served by the stub under /__stub/ui/ (see apps/stub-server/src/inspector-page.ts):
// everything it loads is bundled here, with hashed names under assets/, and nothing comes from elsewhere.
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  base: '/__stub/ui/',
  // Workspace packages resolve to their TypeScript sources, so the page never bundles a stale dist.
  resolve: { conditions: ['@tim-marks/source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be inline script, which the page's Content-Security-Policy forbids.
    modulePreload: { polyfill: false },
    // Inlined assets would be data: URLs; the CSP allows only same-origin files.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
