// A service that names a region (here Singapore) keeps its configuration unchanged and reaches the
// stub through HTTPS_PROXY: the client's `dispatcher` option takes undici's ProxyAgent, pointed at
// the stub's port, trusting the CA the stub generated (`--tls-dir`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProxyAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, mark, StandardMark } from '../../src/index.js';
import {
  ADMIN,
  SDK_APP_ID,
  SECRET_KEY,
  type StubProcess,
  startStubProcess,
  stubMissing,
} from './stub-process.js';

const missing = stubMissing();

describe.skipIf(missing !== undefined)("region 'singapore' through the stub's CONNECT proxy", () => {
  let stub: StubProcess;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tim-client-proxy-'));
    stub = await startStubProcess({ rateLimit: 1000, args: ['--tls-dir', dir] });
  }, 30_000);
  afterAll(async () => {
    await stub?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('imports, marks and pages back exactly as against the real host', async () => {
    expect(stub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const proxy = new ProxyAgent({
      uri: stub.url.replace('https:', 'http:'),
      requestTls: { ca: readFileSync(join(dir, 'ca.pem'), 'utf8') },
    });
    const client = createClient({
      region: 'singapore',
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      dispatcher: proxy,
    });
    try {
      const imported = await client.importAccounts({
        AccountList: [{ UserID: 'sg-alice', Nick: 'Alice' }, { UserID: 'sg-bob' }],
      });
      expect(imported.FailAccounts).toEqual([]);
      await client.importAccount({ Identifier: 'sg-carol' });
      const result = await client.markContact({
        From_Account: 'sg-alice',
        MarkItem: [mark.c2c('sg-bob').set(StandardMark.Star), mark.c2c('sg-carol').set(StandardMark.Fold)],
      });
      expect(result.failed).toEqual([]);
      const seen = [];
      for await (const contact of client.contacts('sg-alice')) seen.push(contact);
      expect(seen.map((c) => (c.Type === 1 ? c.To_Account : c.ToGroupId))).toEqual(['sg-bob', 'sg-carol']);
    } finally {
      await client.close();
      await proxy.close();
    }
  });
});
