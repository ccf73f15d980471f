// Starts bench/server.mjs in a child process (a server of its own, so that autocannon in this process
// does not share its event loop) and talks to it over IPC. Used by run.mjs and compare.mjs.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));
const children = [];
// However the benchmark ends, no server is left running.
process.on('exit', () => {
  for (const child of children) child.kill();
});

/**
 * `mode` is `bare` or `stub`; `build` a folder holding a stub build in `dist/` (default this package);
 * `env` more environment variables (BENCH_STUB_OPTIONS: more startStub options, as JSON).
 * Resolves once the server listens, with what it reports (url; for the stub markUrl, readUrl,
 * importUrl), pid and rss(), cpu() (µs of CPU used so far) and stop().
 */
export function startServer(mode, { build, execArgv = [], env } = {}) {
  const child = fork(SERVER, build === undefined ? [mode] : [mode, build], {
    execArgv,
    stdio: 'inherit',
    ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
  });
  children.push(child);
  const ask = (message) =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    const exited = (code) =>
      reject(new Error(`${build ?? mode}: the server exited (${code}) before listening`));
    child.once('error', reject);
    child.once('exit', exited);
    child.once('message', (info) => {
      child.off('exit', exited);
      resolve({
        ...info,
        pid: child.pid,
        rss: () => ask('rss'),
        cpu: async () => (await ask('cpu')).cpuMicros,
        loop: () => ask('loop'),
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.send('stop');
          }),
      });
    });
  });
}
