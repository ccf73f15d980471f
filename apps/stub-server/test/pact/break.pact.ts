// The verification can fail: the same pacts, replayed through a small proxy in front of the stub
// that renames `ResultItem` to `ResultItems` in every answer (in this test only, never in the
// product), must be rejected, and for the interactions whose answer carries ResultItem. The same
// proxy passing answers through unchanged must be accepted, so the rename is what is caught.
import { createServer, type Server } from 'node:http';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stub, startStub } from '../../src/stub.js';
import { PROVIDER, stubPacts } from './pacts.js';
import { providerStates } from './states.js';

// This verification of a deliberately broken provider uses the local pacts only, and must never be
// published: a broker or a filter set in the environment (pacts/README.md) does not apply here.
for (const name of [
  'PACT_BROKER_BASE_URL',
  'PACT_BROKER_PUBLISH_VERIFICATION_RESULTS',
  'PACT_DESCRIPTION',
  'PACT_PROVIDER_STATE',
  'PACT_PROVIDER_NO_STATE',
]) {
  delete process.env[name];
}

interface Proxy {
  url: string;
  /** Answers the rewrite changed. */
  rewritten: number;
  close(): Promise<void>;
}

/** Forwards every request to `target` and passes each JSON answer through `rewrite`. */
async function startProxy(
  target: string,
  rewrite: (answer: Record<string, unknown>) => boolean,
): Promise<Proxy> {
  const proxy: Proxy = { url: '', rewritten: 0, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(new URL(req.url ?? '/', target), {
      method: req.method ?? 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      ...(chunks.length === 0 ? {} : { body: Buffer.concat(chunks) }),
    });
    const body = (await answer.json()) as Record<string, unknown>;
    if (rewrite(body)) proxy.rewritten += 1;
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  proxy.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return proxy;
}

/** The interactions the verifier reported as failed (it answers them as JSON in its error). */
function failedInteractions(error: unknown): string[] {
  const report = JSON.parse(error instanceof Error ? error.message : String(error)) as {
    interactionResults?: { description: string; result: string }[];
  };
  return (report.interactionResults ?? [])
    .filter((result) => result.result !== 'OK')
    .map((result) => result.description)
    .sort();
}

describe('a provider that drifted from the pacts is rejected', () => {
  const pacts = stubPacts();
  let stub: Stub;

  beforeAll(async () => {
    stub = await startStub({ host: '127.0.0.1', port: 0, logLevel: 'silent' });
  });
  afterAll(async () => {
    await stub?.close();
  });

  async function verifyThrough(proxy: Proxy): Promise<unknown> {
    const states = providerStates(stub);
    const outcome = await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: proxy.url,
      pactUrls: pacts.map(({ file }) => file),
      stateHandlers: states.handlers,
      beforeEach: states.reset,
      logLevel: 'error',
    })
      .verifyProvider()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(states.errors).toEqual([]);
    return outcome;
  }

  it('accepts the stub behind a proxy that changes nothing', async () => {
    const proxy = await startProxy(stub.url, () => false);
    try {
      expect(await verifyThrough(proxy)).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });

  it('rejects the stub behind a proxy that renames ResultItem to ResultItems', async () => {
    const proxy = await startProxy(stub.url, (answer) => {
      if (!('ResultItem' in answer)) return false;
      answer.ResultItems = answer.ResultItem;
      delete answer.ResultItem;
      return true;
    });
    try {
      const outcome = await verifyThrough(proxy);
      expect(outcome).toBeInstanceOf(Error);
      expect(proxy.rewritten).toBeGreaterThan(0);
      const expected = pacts
        .flatMap(({ pact }) => pact.interactions)
        .filter((interaction) => {
          const content = interaction.response.body?.content;
          return typeof content === 'object' && content !== null && 'ResultItem' in content;
        })
        .map((interaction) => interaction.description)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(failedInteractions(outcome)).toEqual(expected);
    } finally {
      await proxy.close();
    }
  });
});
