// --tls: HTTPS trusted through the generated CA, plain HTTP on the same port, the CA kept across
// restarts, and CONNECT answering for the Tencent API hosts (and refusing every other target)
// without any connection or DNS lookup leaving loopback.

import { execFileSync } from 'node:child_process';
import dns from 'node:dns';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, REGIONS } from '@tim-marks/types';
import { Agent, ProxyAgent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_REFUSALS, parseConnectTarget } from '../src/connect-proxy.js';
import { type Stub, startStub } from '../src/stub.js';
import { CERTIFICATE_HOSTS, TENCENT_API_HOSTS } from '../src/tencent-hosts.js';
import { ensureTlsMaterial, givenTlsMaterial, TLS_FILES } from '../src/tls-material.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tim-stub-tls-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const MARK = {
  From_Account: 'user0',
  MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1] }],
};

/** Every outgoing connection and DNS lookup made while `run` runs, in this process. */
async function outgoing(run: () => Promise<void>): Promise<{ connects: string[]; lookups: string[] }> {
  const connects: string[] = [];
  const lookups: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const lookupAsync = dns.promises.lookup;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = (Array.isArray(args[0]) ? args[0][0] : args[0]) as
      | { host?: string; path?: string }
      | number;
    connects.push(
      typeof first === 'object' ? (first.host ?? first.path ?? '?') : String(args[1] ?? 'localhost'),
    );
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
    lookups.push(host);
    return (lookup as (...a: unknown[]) => unknown)(host, ...rest);
  };
  dns.promises.lookup = ((host: string, ...rest: unknown[]) => {
    lookups.push(host);
    return (lookupAsync as (...a: unknown[]) => unknown)(host, ...rest);
  }) as typeof lookupAsync;
  try {
    await run();
  } finally {
    net.Socket.prototype.connect = connect;
    (dns as { lookup: unknown }).lookup = lookup;
    dns.promises.lookup = lookupAsync;
  }
  return { connects, lookups };
}

describe('--tls', () => {
  let stub: Stub;
  let ca: string;
  const dispatchers: { close(): Promise<void> }[] = [];
  function track<T extends { close(): Promise<void> }>(dispatcher: T): T {
    dispatchers.push(dispatcher);
    return dispatcher;
  }

  beforeAll(async () => {
    stub = await startStub({ port: 0, tls: { dir: tempDir() } });
    ca = readFileSync(stub.tls?.caFile as string, 'utf8');
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.close()));
  });
  afterAll(async () => {
    await stub?.close();
  });

  it('serves HTTPS that undici trusts through the generated CA, and plain HTTP on the same port', async () => {
    expect(stub.url).toBe(`https://127.0.0.1:${stub.port}`);
    expect(stub.proxyUrl).toBe(`http://127.0.0.1:${stub.port}`);
    const agent = track(new Agent({ connect: { ca } }));
    const secure = await request(stub.commandUrl('markContact'), {
      method: 'POST',
      body: JSON.stringify(MARK),
      dispatcher: agent,
    });
    expect(await secure.body.json()).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });

    const plain = await request(stub.commandUrl('getContactGroup').replace(stub.url, stub.proxyUrl), {
      method: 'POST',
      body: JSON.stringify({ From_Account: 'user0', StartIndex: 0 }),
    });
    expect(await plain.body.json()).toMatchObject({ ErrorCode: 0, ContactItem: [{ To_Account: 'user1' }] });
  });

  it('is refused by a client that does not trust the CA', async () => {
    await expect(
      request(stub.commandUrl('getContactGroup'), { method: 'POST', body: '{}' }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/) });
  });

  it('keeps connections alive over TLS', async () => {
    const agent = track(new Agent({ connect: { ca }, connections: 1 }));
    const { connects } = await outgoing(async () => {
      for (let i = 0; i < 3; i++) {
        const answer = await request(stub.commandUrl('getContactGroup'), {
          method: 'POST',
          body: JSON.stringify({ From_Account: 'user0', StartIndex: 0 }),
          dispatcher: agent,
        });
        expect(await answer.body.json()).toMatchObject({ ErrorCode: 0 });
      }
    });
    expect(connects).toEqual(['127.0.0.1']);
  });

  it('answers as console.tim.qq.com and a region host through CONNECT, without leaving loopback', async () => {
    const proxy = track(new ProxyAgent({ uri: stub.proxyUrl, requestTls: { ca } }));
    const query = new URL(stub.commandUrl('markContact')).search;
    const { connects, lookups } = await outgoing(async () => {
      const china = await request(`https://console.tim.qq.com${COMMANDS.markContact}${query}`, {
        method: 'POST',
        body: JSON.stringify(MARK),
        dispatcher: proxy,
      });
      expect(await china.body.json()).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
      const frankfurt = await request(`${REGIONS.frankfurt}${COMMANDS.getContactGroup}${query}`, {
        method: 'POST',
        body: JSON.stringify({ From_Account: 'user0', StartIndex: 0 }),
        dispatcher: proxy,
      });
      // Every host serves the same apps and state.
      expect(await frankfurt.body.json()).toMatchObject({
        ErrorCode: 0,
        ContactItem: [{ To_Account: 'user1', StandardMark: '1' }],
        CompleteFlag: 1,
        NextStartIndex: 0,
      });
    });
    expect(connects.length).toBeGreaterThan(0);
    expect(connects.every((host) => host === '127.0.0.1')).toBe(true);
    expect(lookups).toEqual([]);
  });

  it('(the watch on outgoing connections and lookups sees a lookup when one happens)', async () => {
    const { connects, lookups } = await outgoing(async () => {
      const answer = await request(`http://localhost:${stub.port}/__stub/health`);
      await answer.body.dump();
    });
    expect(lookups).toContain('localhost');
    expect(connects).toContain('localhost');
  });

  it('answers CONNECT on a TLS connection too (HTTPS_PROXY=https://…)', async () => {
    const proxy = track(new ProxyAgent({ uri: stub.url, proxyTls: { ca }, requestTls: { ca } }));
    const answer = await request(
      `${REGIONS.singapore}${COMMANDS.getContactGroup}${new URL(stub.commandUrl('getContactGroup')).search}`,
      {
        method: 'POST',
        body: JSON.stringify({ From_Account: 'user0', StartIndex: 0 }),
        dispatcher: proxy,
      },
    );
    expect(await answer.body.json()).toMatchObject({ ErrorCode: 0 });
  });

  it('refuses CONNECT to any other host, to a Tencent host on another port, and to another loopback port', async () => {
    for (const target of [
      'example.com:443',
      'console.tim.qq.com:80',
      `127.0.0.1:${stub.port + 1}`,
      'qq.com:443',
    ]) {
      const answer = await rawConnect(stub.port, target);
      expect(answer, target).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(answer, target).toContain(`${CONNECT_REFUSALS.notTencentHost}:`);
    }
    expect(await rawConnect(stub.port, 'no-port')).toMatch(/^HTTP\/1\.1 400 /);
    // Through undici too: the request fails, nothing is reached.
    const proxy = track(new ProxyAgent({ uri: stub.proxyUrl, requestTls: { ca } }));
    const { connects } = await outgoing(async () => {
      await expect(request('https://example.com/', { dispatcher: proxy })).rejects.toThrow(/403/);
    });
    expect(connects.every((host) => host === '127.0.0.1')).toBe(true);
  });

  it('serves CONNECT to itself on a loopback name, in TLS or plain HTTP', async () => {
    const proxy = track(new ProxyAgent({ uri: stub.proxyUrl, requestTls: { ca } }));
    for (const base of [`https://localhost:${stub.port}`, `http://127.0.0.1:${stub.port}`]) {
      const answer = await request(`${base}/__stub/health`, { dispatcher: proxy });
      expect(answer.statusCode, base).toBe(200);
      await answer.body.dump();
    }
  });

  it('covers localhost, 127.0.0.1, ::1 and every Tencent API host of the spec', () => {
    expect(stub.tls?.hosts).toEqual([
      'localhost',
      '127.0.0.1',
      '0:0:0:0:0:0:0:1',
      ...TENCENT_API_HOSTS.keys(),
    ]);
    expect([...TENCENT_API_HOSTS.keys()]).toEqual(Object.values(REGIONS).map((url) => new URL(url).hostname));
    expect(CERTIFICATE_HOSTS).toContain('::1');
  });
});

/** The stub's health check answers 200 through `dispatcher`, which is closed afterwards. */
async function expectHealthy(base: string, dispatcher: Agent | ProxyAgent): Promise<void> {
  try {
    const answer = await request(`${base}/__stub/health`, { dispatcher });
    expect(answer.statusCode, base).toBe(200);
    await answer.body.dump();
  } finally {
    await dispatcher.close();
  }
}

/** Sends a CONNECT by hand and answers the status line and body the stub wrote. */
function rawConnect(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('the TLS directory', () => {
  it.skipIf(!hasOpenssl())(
    're-issues a leaf that lacks one of the hosts (one made by hand with openssl)',
    async () => {
      const dir = tempDir();
      await ensureTlsMaterial(dir);
      const ext = join(dir, 'ext.cnf');
      writeFileSync(ext, 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
      const csr = execFileSync('openssl', [
        'req',
        '-new',
        '-key',
        join(dir, TLS_FILES.key),
        '-subj',
        '/CN=partial',
      ]);
      const partial = execFileSync(
        'openssl',
        [
          'x509',
          '-req',
          '-days',
          '30',
          '-CA',
          join(dir, TLS_FILES.ca),
          '-CAkey',
          join(dir, TLS_FILES.caKey),
          '-CAcreateserial',
          '-extfile',
          ext,
        ],
        { input: csr },
      );
      writeFileSync(join(dir, TLS_FILES.cert), partial);
      const again = await ensureTlsMaterial(dir);
      expect(again.created).toEqual(['leaf']);
      expect(again.hosts).toContain('adminapiksa.im.qcloud.com');
    },
  );

  it('creates the CA once and reuses it on every start; the leaf is re-issued when it would expire', async () => {
    const dir = tempDir();
    const first = await ensureTlsMaterial(dir);
    expect(first.created).toEqual(['ca', 'leaf', 'truststore']);
    const ca = readFileSync(join(dir, TLS_FILES.ca), 'utf8');
    const leaf = readFileSync(join(dir, TLS_FILES.cert), 'utf8');

    const again = await ensureTlsMaterial(dir);
    expect(again.created).toEqual([]);
    expect(again.cert).toBe(leaf);

    // 380 days on, the leaf (397 days) is within its renewal window; the CA (10 years) is not.
    const later = await ensureTlsMaterial(dir, Date.now() + 380 * 86_400_000);
    expect(later.created).toEqual(['leaf']);
    expect(readFileSync(join(dir, TLS_FILES.ca), 'utf8')).toBe(ca);
    expect(later.cert).not.toBe(leaf);
  });

  it('re-issues a leaf whose key was lost, or that another CA issued, under the same CA', async () => {
    const dir = tempDir();
    await ensureTlsMaterial(dir);
    const ca = readFileSync(join(dir, TLS_FILES.ca), 'utf8');
    rmSync(join(dir, TLS_FILES.key));
    expect((await ensureTlsMaterial(dir)).created).toEqual(['leaf']);
    // A leaf from another CA (a directory copied together by hand) is replaced too.
    writeFileSync(join(dir, TLS_FILES.cert), readFileSync(join(await materialDir(), TLS_FILES.cert)));
    expect((await ensureTlsMaterial(dir)).created).toEqual(['leaf']);
    expect(readFileSync(join(dir, TLS_FILES.ca), 'utf8')).toBe(ca);
  });

  it('issues one CA when two stubs start at once on an empty directory', async () => {
    const dir = tempDir();
    const [a, b] = await Promise.all([ensureTlsMaterial(dir), ensureTlsMaterial(dir)]);
    expect(a.cert).toBe(b.cert);
    expect([...a.created, ...b.created].filter((what) => what === 'ca')).toHaveLength(1);
  });

  it('serves given material with --tls-cert/--tls-key, and says when the key does not match', async () => {
    const mine = await materialDir();
    const other = await materialDir();
    const given = givenTlsMaterial(join(mine, TLS_FILES.cert), join(mine, TLS_FILES.key));
    expect(given.caFile).toBeUndefined();
    expect(given.hosts).toContain('console.tim.qq.com');
    expect(() => givenTlsMaterial(join(mine, TLS_FILES.cert), join(other, TLS_FILES.key))).toThrow(
      /is not the key of --tls-cert/,
    );
    expect(() => givenTlsMaterial(join(mine, 'missing.pem'), join(mine, TLS_FILES.key))).toThrow(/ENOENT/);

    const stub = await startStub({ port: 0, tls: { certFile: given.certFile, keyFile: given.keyFile } });
    try {
      await expectHealthy(
        stub.url,
        new Agent({ connect: { ca: readFileSync(join(mine, TLS_FILES.ca), 'utf8') } }),
      );
    } finally {
      await stub.close();
    }
  });
});

describe('CONNECT without --tls', () => {
  it('refuses the Tencent hosts with a reason that names --tls, and serves its own port', async () => {
    const stub = await startStub({ port: 0 });
    try {
      const answer = await rawConnect(stub.port, 'console.tim.qq.com:443');
      expect(answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(answer).toContain(`${CONNECT_REFUSALS.needsTls}:`);
      expect(answer).toContain('--tls');
      // Its own port is still served, in plain HTTP.
      await expectHealthy(stub.url, new ProxyAgent({ uri: stub.url }));
    } finally {
      await stub.close();
    }
  });
});

describe('parseConnectTarget', () => {
  it('reads host:port and [v6]:port, and nothing else', () => {
    expect(parseConnectTarget('Console.TIM.qq.com:443')).toEqual({ host: 'console.tim.qq.com', port: 443 });
    expect(parseConnectTarget('[::1]:8080')).toEqual({ host: '::1', port: 8080 });
    for (const bad of ['console.tim.qq.com', 'http://x:443', 'x:0', 'x:65536', 'a b:443', 'user@x:443', '']) {
      expect(parseConnectTarget(bad), bad).toBeUndefined();
    }
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A fresh directory with generated material in it. */
async function materialDir(): Promise<string> {
  const dir = tempDir();
  await ensureTlsMaterial(dir);
  return dir;
}
