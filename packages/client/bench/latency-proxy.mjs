#!/usr/bin/env node
// A TCP proxy that adds a fixed round trip: every chunk waits rtt/2 on its way to the server and
// rtt/2 on its way back, as a link to a distant region would. Chunks keep their order (timers of one
// duration fire in the order they were set). Runs in its own process so its work does not share the
// client's event loop.
//
//   node latency-proxy.mjs --upstream 127.0.0.1:8080 --rtt 150     → prints "listening on 127.0.0.1:PORT"
import net from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    upstream: { type: 'string' },
    rtt: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const rttMs = Number(values.rtt);
if (values.upstream === undefined || !/^[\d.]+:\d+$/.test(values.upstream) || !(rttMs >= 0)) {
  process.stderr.write('usage: latency-proxy.mjs --upstream HOST:PORT --rtt MS\n');
  process.exit(2);
}
const [upstreamHost, upstreamPort] = values.upstream.split(':');
const oneWayMs = rttMs / 2;

/** Forwards `from` to `to`, each chunk `oneWayMs` late; ends and errors travel the same way. */
function delayed(from, to) {
  from.on('data', (chunk) => {
    if (oneWayMs === 0) to.write(chunk);
    else setTimeout(() => to.destroyed || to.write(chunk), oneWayMs);
  });
  from.on('end', () => (oneWayMs === 0 ? to.end() : setTimeout(() => to.end(), oneWayMs)));
  from.on('error', () => to.destroy());
  from.on('close', () => setTimeout(() => to.destroy(), oneWayMs));
}

const server = net.createServer((client) => {
  client.setNoDelay(true);
  const upstream = net.connect({ host: upstreamHost, port: Number(upstreamPort) });
  upstream.setNoDelay(true);
  delayed(client, upstream);
  delayed(upstream, client);
});
server.listen(0, values.host, () => {
  const { address, port } = server.address();
  process.stdout.write(`listening on ${address}:${port}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
