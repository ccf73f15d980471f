import { spawn } from 'node:child_process';
import { createClient } from '@tim-marks/client';

const HERE = new URL('.', import.meta.url).pathname;
const STUB = '/work/wt/client-ships/apps/stub-server/dist/cli.js';
function start(args, env = {}) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, ...env },
  });
  return new Promise((r) => {
    let o = '';
    child.stdout.on('data', (c) => {
      o += c;
      const m = /listening on (?:http:\/\/)?([\d.]+:\d+)/.exec(o);
      if (m) r({ address: m[1], child });
    });
  });
}
const stub = await start([STUB, '--port', '0', '--rate-limit', '200', '--log-level', 'error'], {
  TIM_STUB_SECRET_KEY: 'k',
});
const rtt = Number(process.argv[2]);
const proxy = await start([`${HERE}latency-proxy.mjs`, '--upstream', stub.address, '--rtt', String(rtt)]);
const client = createClient({
  sdkAppId: 1400000000,
  identifier: 'administrator',
  secretKey: 'k',
  baseUrl: `http://${proxy.address}`,
});
const adm = client.config.admission;
const request = (i) => ({
  From_Account: `user${i % 10}`,
  MarkItem: [
    { OptType: 1, ContactItem: { Type: 1, To_Account: `user${(i + 1) % 10}` }, SetMark: [1 + (i % 4)] },
  ],
});
const t0 = performance.now();
const timer = setInterval(
  () =>
    console.log(
      ((performance.now() - t0) / 1000).toFixed(1),
      'margin',
      adm.latency.margin.toFixed(1),
      'high',
      adm.latency.high.toFixed(1),
      'budget',
      adm.inFlightBudget(),
      'inflight',
      adm.inFlightCount,
      'sent',
      adm.sentInWindow('markContact'),
      'waiting',
      adm.waiting,
    ),
  500,
);
await Promise.all(Array.from({ length: 1500 }, (_, i) => client.markContact(request(i))));
clearInterval(timer);
console.log('wall', ((performance.now() - t0) / 1000).toFixed(2));
await client.close();
proxy.child.kill();
stub.child.kill();
