// The verification can fail: the same pacts, replayed through a small proxy in front of the stub
// that renames `ResultItem` to `ResultItems` in every answer (in this test only, never in the
// product), must be rejected, and for the interactions whose answer carries ResultItem. The same
// proxy passing answers through unchanged must be accepted, so the rename is what is caught.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stub, startStub } from '../../src/stub.js';
import { storeOption } from '../store-option.js';
import { PROVIDER, stubPacts } from './pacts.js';
import { providerStates } from './states.js';

const CHILD = fileURLToPath(new URL('./verify-child.mjs', import.meta.url));

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
    stub = await startStub({ host: '127.0.0.1', port: 0, logLevel: 'silent', ...storeOption() });
  });
  afterAll(async () => {
    await stub?.close();
  });

  /**
   * Verifies the pacts against `proxy` in a child process (verify-child.mjs), with the provider states
   * set up here, on this test's stub. Resolves to the verifier's error (its JSON report), or undefined
   * when the verification passed; the verifier's printed report is kept in `output`, not printed.
   */
  async function verifyThrough(proxy: Proxy): Promise<{ outcome: unknown; output: string }> {
    const states = providerStates(stub);
    const setup: Server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        reset?: boolean;
        state?: string;
        params?: unknown;
      };
      try {
        if (body.reset) await states.reset();
        else await states.handlers[body.state as string]?.(body.params);
        res.end();
      } catch (error) {
        states.errors.push(`${body.state}: ${error instanceof Error ? error.message : String(error)}`);
        res.writeHead(500).end(String(error));
      }
    });
    await new Promise<void>((resolve) => setup.listen(0, '127.0.0.1', resolve));
    const address = setup.address();
    const statesUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;
    try {
      const child = fork(
        CHILD,
        [
          JSON.stringify({
            provider: PROVIDER,
            providerBaseUrl: proxy.url,
            pactUrls: pacts.map(({ file }) => file),
            statesUrl,
          }),
        ],
        { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
      );
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = once(child, 'exit');
      const [message] = (await Promise.race([
        once(child, 'message'),
        exited.then(() => {
          throw new Error(`the verification process ended without a result:\n${output}`);
        }),
      ])) as [{ ok: boolean; report?: string }];
      await exited;
      expect(states.errors).toEqual([]);
      // The verifier colours its report.
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      return { outcome: message.ok ? undefined : new Error(message.report), output: plain };
    } finally {
      await new Promise<void>((resolve) => setup.close(() => resolve()));
    }
  }

  it('accepts the stub behind a proxy that changes nothing', async () => {
    const proxy = await startProxy(stub.url, () => false);
    try {
      const { outcome, output } = await verifyThrough(proxy);
      expect(outcome, output).toBeUndefined();
      process.stdout.write(
        `pact break test: the pacts verify through the untouched proxy (${pacts.flatMap(({ pact }) => pact.interactions).length} interactions)\n`,
      );
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
      const { outcome, output } = await verifyThrough(proxy);
      expect(outcome, output).toBeInstanceOf(Error);
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
      // The verifier's own words for each, captured: a body mismatch, and nothing else.
      expect(output.match(/has a matching body \(FAILED\)/g)).toHaveLength(expected.length);
      expect(output).not.toMatch(/has status code \d+ \(FAILED\)/);
      for (const description of expected) {
        process.stdout.write(
          `pact break test: expected mismatch seen: "${description}": the body has ResultItems, the pact ResultItem\n`,
        );
      }
    } finally {
      await proxy.close();
    }
  });
});
