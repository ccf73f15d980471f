// /__stub/ui: the inspector page's files as the stub serves them — content types, caching, 404 for
// what is not a file of the page, GET/HEAD only, and the control plane's loopback rules in front.
// (The page itself is driven in a browser by apps/inspector/test/browser.test.ts.)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { testStub } from './helpers.js';

const PAGE = fileURLToPath(new URL('../../inspector/dist/index.html', import.meta.url));
// nx builds the page before this app's tests (implicitDependencies); in CI a missing page is a failure.
const built = existsSync(PAGE) || process.env.CI !== undefined;
if (!built)
  console.warn(`inspector page tests skipped: ${PAGE} is not built (npx nx run @tim-marks/inspector:build)`);

describe.skipIf(!built)('GET /__stub/ui', () => {
  let stub: Stub;
  beforeAll(async () => {
    stub = await testStub();
  });
  afterAll(() => stub.close());

  const get = (path: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' | 'POST' = 'GET') =>
    request(`${stub.url}${path}`, { method, headers });

  it('answers the page with a policy that allows nothing from another origin', async () => {
    const answer = await get('/__stub/ui');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const policy = String(answer.headers['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    const html = await answer.body.text();
    expect(html).toContain('<title>tim-marks stub inspector</title>');
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThanOrEqual(2);
    for (const reference of references) expect(reference).toMatch(/^\/__stub\/ui\//);
    // The same page with a trailing slash.
    expect(await (await get('/__stub/ui/')).body.text()).toBe(html);
  });

  it('serves the bundled assets with their types; hashed ones may be kept for good', async () => {
    const html = await (await get('/__stub/ui')).body.text();
    const script = /src="(\/__stub\/ui\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/__stub\/ui\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    const js = await get(script as string);
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('max-age=31536000, immutable');
    const code = await js.body.text();
    // No address outside the page's origin (XML namespace names are not fetched).
    const urls = [...code.matchAll(/https?:\/\/[\w.-]+/g)].map((m) => m[0]);
    expect(urls.filter((url) => url !== 'http://www.w3.org')).toEqual([]);
    const css = await get(style as string);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    await css.body.dump();
    const icon = await get('/__stub/ui/favicon.svg');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
    await icon.body.dump();
  });

  it('answers 304 to a revalidation of an unchanged file, and HEAD without a body', async () => {
    const first = await get('/__stub/ui');
    await first.body.dump();
    const etag = String(first.headers.etag);
    const again = await get('/__stub/ui', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(await again.body.text()).toBe('');
    const head = await get('/__stub/ui', {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    expect(await head.body.text()).toBe('');
  });

  it('answers 404 for what is not a file of the page', async () => {
    for (const path of [
      '/__stub/ui/assets/missing.js',
      '/__stub/ui/index.htm',
      '/__stub/ui/assets',
      '/__stub/uix',
    ]) {
      const answer = await get(path);
      await answer.body.dump();
      expect(answer.statusCode, path).toBe(404);
    }
    const missing = await get('/__stub/ui/assets/missing.js');
    expect(missing.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(await missing.body.text()).toContain('not a file of the inspector page');
  });

  it('takes GET and HEAD only', async () => {
    const answer = await request(`${stub.url}/__stub/ui`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.statusCode).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    await answer.body.dump();
  });

  it('keeps the control plane rules: no foreign Host, no foreign Origin', async () => {
    const rebound = await get('/__stub/ui', { host: 'inspector.example.com' });
    expect(rebound.statusCode).toBe(403);
    await rebound.body.dump();
    const framed = await get('/__stub/ui', { origin: 'https://evil.example' });
    expect(framed.statusCode).toBe(403);
    await framed.body.dump();
  });
});
