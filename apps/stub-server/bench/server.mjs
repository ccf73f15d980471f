// A server to benchmark, in its own process (so that autocannon in the parent does not share its
// event loop): `stub [BUILD]` or `stub-tls [BUILD]` (the built stub, ceiling off, the latter with --tls; BUILD is a folder holding a `dist/`,
// default this package) or `bare` (node:http answering a fixed JSON body, the yardstick). Reports its URL over IPC, answers { rss } to 'rss' (after a GC when
// started with --expose-gc), { cpuMicros } to 'cpu', the event loop's delay since the last ask to
// 'loop' ({ p99, max } in ms), and stops on 'stop'.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const mode = process.argv[2];

async function start() {
  if (mode === 'bare') {
    const body = JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ErrorDisplay: '' });
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((r) => server.close(r)),
    };
  }
  const build =
    process.argv[3] === undefined ? new URL('..', import.meta.url) : pathToFileURL(`${process.argv[3]}/`);
  const { startStub } = await import(new URL('dist/index.js', build).href);
  // `stub-tls`: --tls, its certificate in a temporary directory; the port serves HTTPS and HTTP.
  const tlsDir = mode === 'stub-tls' ? mkdtempSync(join(tmpdir(), 'tim-stub-bench-tls-')) : undefined;
  // BENCH_STUB_OPTIONS: more startStub options, as JSON (bench/worst.mjs sets the large-body budget).
  const more = JSON.parse(process.env.BENCH_STUB_OPTIONS ?? '{}');
  const stub = await startStub({
    host: '127.0.0.1',
    port: 0,
    rateLimit: 0,
    logLevel: 'error',
    ...(tlsDir === undefined ? {} : { tls: { dir: tlsDir } }),
    ...more,
  });
  return {
    url: stub.url,
    markUrl: stub.commandUrl('markContact'),
    readUrl: stub.commandUrl('getContactGroup'),
    importUrl: stub.commandUrl('multiaccountImport'),
    proxyUrl: stub.proxyUrl,
    close: async () => {
      await stub.close();
      if (tlsDir !== undefined) rmSync(tlsDir, { recursive: true, force: true });
    },
  };
}

const server = await start();
// How long the event loop was held (10 ms sampling): 'loop' answers and resets it (bench/worst.mjs).
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const { close, ...info } = server;
process.send({ ready: true, ...info });
process.on('message', async (message) => {
  if (message === 'rss') {
    globalThis.gc?.();
    globalThis.gc?.();
    const usage = process.memoryUsage();
    process.send({ rss: usage.rss, heapUsed: usage.heapUsed });
  } else if (message === 'cpu') {
    const usage = process.cpuUsage();
    process.send({ cpuMicros: usage.user + usage.system });
  } else if (message === 'loop') {
    const ms = (ns) => ns / 1e6;
    process.send({ p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) });
    loopDelay.reset();
  } else if (message === 'stop') {
    await close();
    process.exit(0);
  }
});
