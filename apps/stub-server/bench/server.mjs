// A server to benchmark, in its own process (so that autocannon in the parent does not share its
// event loop): `stub [BUILD]` (the built stub, ceiling off; BUILD is a folder holding a `dist/`,
// default this package) or `bare` (node:http answering a fixed JSON body, the yardstick). Reports its URL over IPC, answers { rss } to 'rss' (after a GC when
// started with --expose-gc) and { cpuMicros } to 'cpu', and stops on 'stop'.
import { createServer } from 'node:http';
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
  // BENCH_STUB_OPTIONS: more startStub options, as JSON (bench/worst.mjs sets the large-body budget).
  const more = JSON.parse(process.env.BENCH_STUB_OPTIONS ?? '{}');
  const stub = await startStub({ host: '127.0.0.1', port: 0, rateLimit: 0, logLevel: 'error', ...more });
  return {
    url: stub.url,
    markUrl: stub.commandUrl('markContact'),
    readUrl: stub.commandUrl('getContactGroup'),
    importUrl: stub.commandUrl('multiaccountImport'),
    close: () => stub.close(),
  };
}

const server = await start();
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
  } else if (message === 'stop') {
    await close();
    process.exit(0);
  }
});
