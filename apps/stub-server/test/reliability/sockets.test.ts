// Sockets and clocks (issue rows 9, 13, 14, 15): a client answered 60008 for being slow or silent no
// longer holds a descriptor; SIGTERM answers what it has read with `Connection: close` and closes idle
// keep-alive sockets at once; `Expect` other than 100-continue and absolute-form targets get the API's
// answers; the per-second stats follow a clock that cannot step back.
import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { COMMANDS, ErrorCode } from '@tim-marks/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { c2c, call, controlRequest, remote, testStub } from '../helpers.js';
import { startCli } from '../process.js';

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function fdCount(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

async function until(check: () => boolean, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never: ${what}`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.skipIf(process.platform !== 'linux')('silent clients', () => {
  it('are answered 60008 and their sockets destroyed, so they hold no descriptor', async () => {
    const stub = await startCli(['--port', '0', '--log-level', 'warn']);
    const pid = stub.child.pid as number;
    try {
      const port = Number(new URL(stub.url).port);
      const base = fdCount(pid);
      const silent = await Promise.all(Array.from({ length: 300 }, () => open(port)));
      const answered = silent.map(
        (socket) =>
          new Promise<string>((resolve) => {
            let text = '';
            // Reads only to see the answer; a real attacker never reads, which the fd count covers.
            socket.on('data', (chunk: Buffer) => {
              text += chunk.toString();
            });
            socket.on('end', () => resolve(text));
            socket.on('error', () => resolve(text));
          }),
      );
      await until(() => fdCount(pid) >= base + 300, 'the stub accepted the 300 sockets');
      // The headers timeout (5 s) answers each one, then closes its descriptor although the clients
      // keep their ends open.
      const texts = await Promise.all(answered);
      for (const text of texts)
        expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).ErrorCode).toBe(60008);
      await until(() => fdCount(pid) <= base + 5, 'the stub closed the sockets it answered');
      for (const socket of silent) socket.destroy();
    } finally {
      stub.child.kill('SIGTERM');
      expect(await stub.exited).toBe(0);
    }
  });
});

describe('SIGTERM with keep-alive clients', () => {
  it('answers every request it has read with Connection: close and closes idle sockets at once', async () => {
    const stub = await startCli(['--port', '0', '--log-level', 'warn', '--rate-limit', '0']);
    const port = Number(new URL(stub.url).port);
    const api = remote(stub.url);
    const target = new URL(api.commandUrl('markContact'));
    const body = JSON.stringify({ From_Account: 'user0', MarkItem: [c2c('user1')] });
    const requestText = `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    // 16 idle keep-alive sockets (one answered request each) and 64 busy ones.
    const idle = await Promise.all(Array.from({ length: 16 }, () => open(port)));
    await Promise.all(
      idle.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('data', () => resolve());
            socket.write(requestText);
          }),
      ),
    );
    const idleClosed = idle.map(
      (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
    );
    // The busy ones are still being answered when the signal comes.
    await controlRequest(api, 'POST', 'faults', { command: 'markContact', latencyMs: 400 });
    const busy = await Promise.all(Array.from({ length: 64 }, () => open(port)));
    const answers = busy.map(
      (socket) =>
        new Promise<string>((resolve) => {
          let text = '';
          socket.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          socket.on('close', () => resolve(text));
          socket.on('error', () => {});
        }),
    );
    for (const socket of busy) socket.write(requestText);
    stub.child.kill('SIGTERM');
    const texts = await Promise.all(answers);
    for (const text of texts) {
      expect(text).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(text.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).ErrorCode).toBe(0);
    }
    await Promise.all(idleClosed);
    expect(await stub.exited).toBe(0);
  });
});

describe('unusual but valid HTTP', () => {
  it('answers Expect other than 100-continue with the envelope (60002), and 100-continue normally', async () => {
    const stub = await testStub();
    try {
      const url = new URL(stub.commandUrl('markContact'));
      const body = JSON.stringify({ From_Account: 'user0', MarkItem: [c2c('user1')] });
      const exchange = (expect: string) =>
        new Promise<string>((resolve) => {
          const socket = connect(stub.port, '127.0.0.1', () =>
            socket.write(
              `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: x\r\nExpect: ${expect}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
            ),
          );
          let text = '';
          socket.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (/\r\n\r\n\{.*\}$/s.test(text)) {
              socket.destroy();
              resolve(text);
            }
          });
        });
      const foo = await exchange('foo');
      expect(foo).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(foo.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(foo.slice(foo.indexOf('{')))).toMatchObject({
        ActionStatus: 'FAIL',
        ErrorCode: ErrorCode.HTTP_PARSE_ERROR,
        ErrorInfo: expect.stringContaining('Expect: foo'),
      });
      const ok = await exchange('100-continue');
      expect(JSON.parse(ok.slice(ok.indexOf('{'))).ErrorCode).toBe(0);
    } finally {
      await stub.close();
    }
  });

  it('serves an absolute-form request target like its origin form', async () => {
    const stub = await testStub();
    try {
      const url = new URL(stub.commandUrl('markContact'));
      const body = JSON.stringify({ From_Account: 'user0', MarkItem: [c2c('absolute')] });
      const text = await new Promise<string>((resolve) => {
        const socket = connect(stub.port, '127.0.0.1', () =>
          socket.write(
            `POST http://api.im.example${COMMANDS.markContact}${url.search} HTTP/1.1\r\nHost: api.im.example\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
          ),
        );
        let received = '';
        socket.on('data', (chunk: Buffer) => {
          received += chunk.toString();
          if (/\r\n\r\n\{.*\}$/s.test(received)) {
            socket.destroy();
            resolve(received);
          }
        });
      });
      expect(JSON.parse(text.slice(text.indexOf('{'))).ErrorCode).toBe(0);
      const state = await stub.control.exportState();
      expect(state.apps[0]?.marks.user0).toMatchObject([{ To_Account: 'absolute' }]);
    } finally {
      await stub.close();
    }
  });
});

describe('stats when the wall clock steps back', () => {
  it('never count two seconds of calls in one bucket', async () => {
    const stub = await testStub({ rateLimit: 0 });
    try {
      const mark = { From_Account: 'user0', MarkItem: [c2c('user1')] };
      for (let i = 0; i < 50; i++) await call(stub, 'markContact', mark);
      // The wall clock is set back 1.1 s; a second later another 50 calls come.
      const real = Date.now.bind(Date);
      vi.spyOn(Date, 'now').mockImplementation(() => real() - 1100);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let i = 0; i < 50; i++) await call(stub, 'markContact', mark);
      const series = stub.control.stats({ command: 'markContact' }).series[0];
      expect(series?.totals.accepted).toBe(100);
      for (const second of series?.seconds ?? [])
        expect(second.accepted, JSON.stringify(second)).toBeLessThanOrEqual(50);
    } finally {
      await stub.close();
    }
  });
});
