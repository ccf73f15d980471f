// The command line as a user meets it: the `listening on` line, the example that works, flags and
// environment variables, the config file, bad input (exit 2), graceful shutdown, and secret-free logs.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sign } from '@tim-marks/usersig';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS } from '../src/apps.js';
import { DEVELOPMENT_SECRET_KEY } from '../src/defaults.js';
import { c2c, call, callUrl, controlRequest, expectValidAnswer, readStateFile, remote } from './helpers.js';
import { APP_DIR, runCli, startCli } from './process.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tim-marks-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stop(process: Awaited<ReturnType<typeof startCli>>) {
  if (process.child.exitCode === null) process.child.kill('SIGTERM');
  return process.exited;
}

/** The curl commands of the banner, as [url, body]. */
function curlLines(stdout: string): [string, string][] {
  return stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('curl '))
    .map((line) => {
      const quoted = [...line.matchAll(/'((?:[^']|'\\'')*)'/g)].map((m) =>
        (m[1] as string).replace(/'\\''/g, "'"),
      );
      return [quoted[0] as string, quoted.at(-1) as string];
    });
}

describe('starting', () => {
  it('prints exactly one `listening on` line with the real port for --port 0, then an example that works', async () => {
    const stub = await startCli(['--port', '0', '--log-level', 'warn']);
    try {
      const lines = stub.stdout().split('\n');
      const listening = lines.filter((line) => line.includes('listening on'));
      expect(listening).toHaveLength(1);
      expect(listening[0]).toMatch(/listening on http:\/\/127\.0\.0\.1:[1-9][0-9]*$/);
      expect(stub.url).not.toMatch(/:0$/);
      expect(stub.stderr()).not.toContain('listening on');

      const out = stub.stdout();
      expect(out).toContain('SDKAppID 1400000000');
      expect(out).toContain('administrator');
      expect(out).toMatch(/DEVELOPMENT key/);
      expect(out).toMatch(/user0\.\.user9/);

      // The printed UserSig is valid for the admin; the printed curl lines work against this fresh stub.
      const commands = curlLines(out);
      expect(commands.length).toBeGreaterThanOrEqual(2);
      for (const [url, body] of commands) {
        expect(url.startsWith(stub.url)).toBe(true);
        const answer = await callUrl(url, undefined, { raw: body });
        expect(answer.ErrorCode, url).toBe(0);
      }
      const read = await callUrl(commands.at(-1)?.[0] as string, undefined, {
        raw: commands.at(-1)?.[1] as string,
      });
      expect(read.ContactItem).toMatchObject([{ Type: 1, To_Account: 'user1', StandardMark: '1' }]);
    } finally {
      expect(await stop(stub)).toBe(0);
    }
  });

  for (const edition of EDITIONS) {
    it(`--edition ${edition}: the banner's example answers ErrorCode 0 and its key line can be pasted`, async () => {
      const stub = await startCli(['--port', '0', '--log-level', 'warn', '--edition', edition]);
      try {
        const out = stub.stdout();
        expect(out).toContain(`edition ${edition}`);
        // The key line, pasted: the key it exports signs UserSigs this stub accepts.
        const exported = /^ {4}export TIM_SECRET_KEY=(\S+)$/m.exec(out)?.[1];
        expect(exported).toBe(DEVELOPMENT_SECRET_KEY);
        const pasted = remote(stub.url, { secretKey: exported as string });
        expect(
          (await call(pasted, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 })).ErrorCode,
        ).toBe(0);

        const commands = curlLines(out);
        expect(commands.length).toBe(2);
        for (const [url, body] of commands) {
          expect((await callUrl(url, undefined, { raw: body })).ErrorCode, `${url} ${body}`).toBe(0);
        }
        const [readUrl, readBody] = commands.at(-1) as [string, string];
        const read = await callUrl(readUrl, undefined, { raw: readBody });
        expect(read.ContactItem).toMatchObject([
          edition === 'ultimate'
            ? { Type: 1, To_Account: 'user1', StandardMark: '1' }
            : { Type: 1, To_Account: 'user1', CustomMark: 'tried-it' },
        ]);
      } finally {
        expect(await stop(stub)).toBe(0);
      }
    });
  }

  it('runs the printed curl line itself when curl is installed', async () => {
    const hasCurl = await promisify(execFile)('curl', ['--version']).then(
      () => true,
      () => false,
    );
    if (!hasCurl) return;
    const stub = await startCli(['--port', '0', '--log-level', 'warn']);
    try {
      const line = stub
        .stdout()
        .split('\n')
        .find((l) => l.includes('mark_contact'))
        ?.trim() as string;
      const { stdout } = await promisify(execFile)('sh', ['-c', line]);
      const answer = JSON.parse(stdout);
      expectValidAnswer('markContact', answer);
      expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    } finally {
      await stop(stub);
    }
  });

  it('with --tls-dir: an https:// URL, the CA and how each runtime trusts it, and a curl line that works', async () => {
    const tlsDir = join(dir, 'tls');
    const stub = await startCli(['--port', '0', '--log-level', 'warn', '--tls-dir', tlsDir]);
    try {
      const out = stub.stdout();
      expect(stub.url).toMatch(/^https:\/\/127\.0\.0\.1:[1-9][0-9]*$/);
      const ca = join(tlsDir, 'ca.pem');
      expect(out).toContain(`CA: ${ca} (new: trust it once)`);
      expect(out).toContain(`NODE_EXTRA_CA_CERTS='${ca}'`);
      expect(out).toContain(`SSL_CERT_FILE='${ca}' REQUESTS_CA_BUNDLE='${ca}'`);
      expect(out).toContain(
        `-Djavax.net.ssl.trustStore='${join(tlsDir, 'truststore.p12')}' -Djavax.net.ssl.trustStorePassword=changeit`,
      );
      expect(out).toContain(`HTTPS_PROXY=${stub.url.replace('https:', 'http:')}`);
      expect(out).toContain('adminapisgp.im.qcloud.com (singapore)');
      const hasCurl = await promisify(execFile)('curl', ['--version']).then(
        () => true,
        () => false,
      );
      if (hasCurl) {
        const line = out
          .split('\n')
          .find((l) => l.includes('mark_contact'))
          ?.trim() as string;
        expect(line).toContain(`--cacert '${ca}'`);
        const answer = JSON.parse((await promisify(execFile)('sh', ['-c', line])).stdout);
        expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
      }
    } finally {
      await stop(stub);
    }
    // The second start reuses the CA.
    const again = await startCli(['--port', '0', '--log-level', 'warn'], { TIM_STUB_TLS_DIR: tlsDir });
    try {
      expect(again.stdout()).toContain(`CA: ${join(tlsDir, 'ca.pem')} (reused)`);
    } finally {
      await stop(again);
    }
  });

  it('takes every setting from the environment, and a flag wins over its variable', async () => {
    const stub = await startCli(['--sdkappid', '1400000077'], {
      TIM_STUB_HOST: '127.0.0.1',
      TIM_STUB_PORT: '0',
      TIM_STUB_SDKAPPID: '1400000055',
      TIM_STUB_ADMIN: 'root',
      TIM_STUB_SECRET_KEY: 'env-secret',
      TIM_STUB_EDITION: 'pro',
      TIM_STUB_RATE_LIMIT: '3',
      TIM_STUB_LOG_LEVEL: 'warn',
      TIM_STUB_CONTROL: '0',
    });
    try {
      const out = stub.stdout();
      expect(out).toContain('SDKAppID 1400000077');
      expect(out).toContain('admin root');
      expect(out).toContain('edition pro');
      expect(out).toContain('ceiling 3 calls/s');
      expect(out).not.toMatch(/DEVELOPMENT key/);
      const api = remote(stub.url, { secretKey: 'env-secret', sdkAppId: 1400000077, admin: 'root' });
      const standard = await call(api, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
      expect(standard.ErrorCode).toBe(51013);
      const health = await request(`${stub.url}/__stub/health`);
      expect(((await health.body.json()) as { ErrorCode: number }).ErrorCode).toBe(60009);
    } finally {
      await stop(stub);
    }
  });

  it('serves the apps of examples/multi-app.json, each with its own key, admins and edition', async () => {
    const config = JSON.parse(readFileSync(join(APP_DIR, 'examples/multi-app.json'), 'utf8'));
    const stub = await startCli([
      '--port',
      '0',
      '--config',
      'examples/multi-app.json',
      '--log-level',
      'warn',
    ]);
    try {
      expect(stub.stdout()).toContain('other apps: 1400000001');
      const [first, second] = config.apps;
      const ultimate = remote(stub.url, {
        secretKey: first.secretKey,
        sdkAppId: first.sdkAppId,
        admin: 'ops-bot',
      });
      const marked = await call(ultimate, 'markContact', {
        From_Account: 'user3',
        MarkItem: [{ OptType: 1, ContactItem: { Type: 2, ToGroupId: 'team-1' }, SetMark: [1] }],
      });
      expect((marked.ResultItem as { ResultCode: number }[])[0]?.ResultCode).toBe(0);
      const pro = remote(stub.url, { secretKey: second.secretKey, sdkAppId: second.sdkAppId });
      expect(
        (await call(pro, 'markContact', { From_Account: 'alice', MarkItem: [c2c('bob')] })).ErrorCode,
      ).toBe(51013);
      const wrongKey = remote(stub.url, { secretKey: first.secretKey, sdkAppId: second.sdkAppId });
      expect(
        (await call(wrongKey, 'getContactGroup', { From_Account: 'alice', StartIndex: 0 })).ErrorCode,
      ).toBe(70009);
      const stats = await controlRequest(
        remote(stub.url),
        'GET',
        `stats?sdkappid=${second.sdkAppId}&command=markContact`,
      );
      expect((stats.body.series as { ceiling: number }[])[0]?.ceiling).toBe(50);
      // The banner's example works with the config's first app too.
      for (const line of stub
        .stdout()
        .split('\n')
        .filter((l) => l.trim().startsWith('curl '))) {
        const quoted = [...line.matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
        expect(
          (await callUrl(quoted[0] as string, undefined, { raw: quoted.at(-1) as string })).ErrorCode,
        ).toBe(0);
      }
    } finally {
      await stop(stub);
    }
  });

  it('prints an account import first when the config seeds no accounts', async () => {
    const file = join(dir, 'bare.json');
    writeFileSync(file, JSON.stringify({ apps: [{ sdkAppId: 1400000009 }] }));
    const stub = await startCli(['--port', '0', '--config', file, '--log-level', 'warn']);
    try {
      const lines = stub
        .stdout()
        .split('\n')
        .filter((l) => l.trim().startsWith('curl '));
      expect(lines[0]).toContain('multiaccount_import');
      for (const line of lines) {
        const quoted = [...line.matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
        expect(
          (await callUrl(quoted[0] as string, undefined, { raw: quoted.at(-1) as string })).ErrorCode,
        ).toBe(0);
      }
    } finally {
      await stop(stub);
    }
  });
});

describe('--help and bad input', () => {
  it('--help lists every flag with its environment variable and says what the defaults are', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    const flags = [
      '--host',
      '--port',
      '--sdkappid',
      '--admin',
      '--secret-key',
      '--edition',
      '--rate-limit',
      '--store',
      '--ceiling-timeout-ms',
      '--config',
      '--state-file',
      '--fsync',
      '--journal-limit',
      '--journal-size',
      '--drop-unconfigured-apps',
      '--set-aside-corrupt-state',
      '--log-level',
      '--control',
      '--no-control',
      '--control-token',
      '--tls',
      '--tls-dir',
      '--tls-cert',
      '--tls-key',
    ];
    for (const flag of flags) expect(stdout).toContain(flag);
    // One row per flag, its variable on the same line, the variables in one column.
    const rows = stdout.split('\n').filter((line) => line.includes('TIM_STUB_'));
    expect(rows.map((line) => /^ {2}(--[a-z-]+)/.exec(line)?.[1])).toEqual(flags);
    expect(new Set(rows.map((line) => line.indexOf('TIM_STUB_'))).size).toBe(1);
    for (const variable of [
      'HOST',
      'PORT',
      'SDKAPPID',
      'ADMIN',
      'SECRET_KEY',
      'EDITION',
      'RATE_LIMIT',
      'STORE',
      'CEILING_TIMEOUT_MS',
      'CONFIG',
      'STATE_FILE',
      'FSYNC',
      'JOURNAL_SIZE',
      'LOG_LEVEL',
      'CONTROL',
      'TLS',
      'TLS_DIR',
      'TLS_CERT',
      'TLS_KEY',
    ]) {
      expect(stdout).toContain(`TIM_STUB_${variable}`);
    }
    expect(stdout).toMatch(/DEVELOPMENT key/);
    expect(stdout).toMatch(/user0\.\.user9/);
    expect(stdout).toContain('127.0.0.1');
    expect(stdout).toContain('8080');
    expect(stdout).toContain('1400000000');
    expect(stdout).toContain('200');
  });

  it('--version prints the version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  const bad: [string[], Record<string, string>, RegExp][] = [
    [['--bogus'], {}, /^tim-marks-stub: Unknown option '--bogus' \(see --help\)$/m],
    [['--port', 'x'], {}, /--port must be an integer in 0\.\.65535/],
    [['--port', '70000'], {}, /--port/],
    [['--port'], {}, /Option '--port <value>' argument missing/],
    [['--fsync=yes'], {}, /--fsync/],
    [['--edition', 'gold'], {}, /--edition must be one of ultimate, pro, standard/],
    [['--rate-limit', '-1'], {}, /--rate-limit/],
    [['--ceiling-timeout-ms', '0'], {}, /--ceiling-timeout-ms must be an integer in 1\.\.60000/],
    [['--sdkappid', '0'], {}, /--sdkappid/],
    [['--log-level', 'loud'], {}, /--log-level must be one of/],
    [['--admin', 'x'.repeat(33)], {}, /--admin/],
    [['stray'], {}, /unexpected argument/],
    [[], { TIM_STUB_PORT: 'abc' }, /TIM_STUB_PORT must be an integer/],
    [[], { TIM_STUB_CONTROL: 'maybe' }, /TIM_STUB_CONTROL/],
    [['--config', 'examples/multi-app.json', '--sdkappid', '1'], {}, /cannot be combined with --config/],
    [['--config', '/no/such/file.json'], {}, /config \/no\/such\/file\.json cannot be read: ENOENT/],
    [['--tls-cert', 'cert.pem'], {}, /--tls-cert needs --tls-key too/],
    [[], { TIM_STUB_TLS_KEY: 'key.pem' }, /TIM_STUB_TLS_KEY needs --tls-cert too/],
    [
      ['--tls-dir', 'd', '--tls-cert', 'c', '--tls-key', 'k'],
      {},
      /--tls-dir cannot be combined with --tls-cert/,
    ],
    [[], { TIM_STUB_TLS: 'maybe' }, /TIM_STUB_TLS must be 1 or 0/],
  ];
  for (const [args, env, message] of bad) {
    it(`${[...args, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)].join(' ') || '(env)'} → one clear line, exit 2`, async () => {
      const { code, stderr, stdout } = await runCli(args, env);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    });
  }

  it('names the bad field of an invalid config file', { timeout: 60_000 }, async () => {
    const cases: [unknown, RegExp][] = [
      ['not json', /not valid JSON/],
      [{}, /apps is required/],
      [{ apps: [{ sdkAppId: 'x' }] }, /apps\[0\]\.sdkAppId must be integer/],
      [
        { apps: [{ sdkAppId: 1, edition: 'gold' }] },
        /apps\[0\]\.edition must be one of ultimate, pro, standard/,
      ],
      [{ apps: [{ sdkAppId: 1, secretkey: 'k' }] }, /apps\[0\]: unknown field secretkey/],
      [{ apps: [{ sdkAppId: 1 }, { sdkAppId: 1 }] }, /apps\[1\]\.sdkAppId 1 is declared twice/],
      [{ apps: [{ sdkAppId: 1, rateLimit: -1 }] }, /apps\[0\]\.rateLimit must be >= 0/],
      [
        { apps: [{ sdkAppId: 1, accounts: ['x'.repeat(33)] }] },
        /apps\[0\]\.accounts\[0\] must be at most 32 UTF-8 bytes/,
      ],
      [
        { apps: [{ sdkAppId: 1, groups: [{ GroupId: 'g', Owner_Account: 'nobody' }] }] },
        /apps\[0\]\.groups\[0\]\.Owner_Account nobody is not in apps\[0\]\.accounts/,
      ],
      [{ apps: [{ sdkAppId: 1, admins: [] }] }, /apps\[0\]\.admins must NOT have fewer than 1 items/],
    ];
    await Promise.all(
      cases.map(async ([content, message], i) => {
        const file = join(dir, `config-${i}.json`);
        writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
        const { code, stderr } = await runCli(['--config', file]);
        expect(code, JSON.stringify(content)).toBe(2);
        expect(stderr).toContain(file);
        expect(stderr).toMatch(message);
      }),
    );
  });

  it('says so and exits 1 when the port is taken', async () => {
    const stub = await startCli(['--port', '0', '--log-level', 'warn']);
    try {
      const { code, stderr } = await runCli(['--port', new URL(stub.url).port]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/cannot listen on 127\.0\.0\.1:[0-9]+ \(EADDRINUSE\)/);
    } finally {
      await stop(stub);
    }
  });
});

describe('stopping', () => {
  /** Waits until the stub has admitted `n` calls of a command (they are then in flight, held by a latency fault). */
  async function untilAdmitted(api: ReturnType<typeof remote>, command: string, n = 1) {
    for (let i = 0; i < 200; i++) {
      const { body } = await controlRequest(api, 'GET', `stats?sdkappid=1400000000&command=${command}`);
      const series = body.series as { totals: { accepted: number } }[];
      if ((series[0]?.totals.accepted ?? 0) >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${command} was never admitted`);
  }

  it('on SIGTERM finishes requests in flight, saves the state file and exits 0', async () => {
    const file = join(dir, 'graceful.json');
    const stub = await startCli(['--port', '0', '--state-file', file, '--log-level', 'warn']);
    const api = remote(stub.url);
    await controlRequest(api, 'POST', 'faults', { command: 'markContact', latencyMs: 1500 });
    const inFlight = call(api, 'markContact', { From_Account: 'user0', MarkItem: [c2c('late')] });
    await untilAdmitted(api, 'markContact');
    stub.child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(await stub.exited).toBe(0);
    expect(stub.stderr()).toMatch(/SIGTERM/);
    const state = readStateFile(file);
    expect(state.apps[0]?.marks.user0).toMatchObject([{ Type: 1, To_Account: 'late', StandardMark: '1' }]);
    expect(readFileSync(`${file}.journal`, 'utf8')).toBe('');
  });

  it('stops accepting new connections once stopping', async () => {
    const stub = await startCli(['--port', '0', '--log-level', 'warn']);
    const api = remote(stub.url);
    await controlRequest(api, 'POST', 'faults', { command: 'getContactGroup', latencyMs: 4000 });
    const inFlight = call(api, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    await untilAdmitted(api, 'getContactGroup');
    stub.child.kill('SIGINT');
    // Until the process has handled the signal a new request may still get in; then none does.
    let refused = false;
    for (let i = 0; i < 60 && !refused; i++) {
      refused = await request(`${stub.url}/__stub/health`).then(
        async (response) => {
          await response.body.dump();
          return false;
        },
        () => true,
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
    expect((await inFlight).ErrorCode).toBe(0);
    expect(await stub.exited).toBe(0);
  });
});

describe('logs', () => {
  it('never contain the secret key or a UserSig, even at debug level', async () => {
    const secretKey = 'very-secret-key-that-must-not-leak-0123456789';
    const stub = await startCli(['--port', '0', '--log-level', 'debug'], { TIM_STUB_SECRET_KEY: secretKey });
    const api = remote(stub.url, { secretKey });
    const sigs = [
      sign({ sdkAppId: 1400000000, identifier: 'administrator', secretKey }),
      sign({ sdkAppId: 1400000000, identifier: 'administrator', secretKey: DEVELOPMENT_SECRET_KEY }),
      sign({ sdkAppId: 1400000000, identifier: 'user0', secretKey }),
      sign({ sdkAppId: 1400000000, identifier: 'administrator', secretKey, expireSeconds: 1, now: 1000 }),
    ];
    for (const usersig of sigs) {
      await call(
        api,
        'markContact',
        { From_Account: 'user0', MarkItem: [c2c('user1')] },
        { query: { usersig } },
      );
    }
    await call(
      api,
      'markContact',
      { From_Account: 'user0', MarkItem: [c2c('user1')] },
      { identifier: 'user0' },
    );
    await call(
      api,
      'markContact',
      { From_Account: 'user0', MarkItem: [c2c('user1')] },
      { query: { usersig: 'garbage' } },
    );
    await callUrl(`${stub.url}/v4/nope?usersig=${sigs[0]}`, {});
    await controlRequest(api, 'POST', 'faults', { command: 'markContact', code: 50004, count: 1 });
    await call(api, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    expect(await stop(stub)).toBe(0);
    const logs = stub.stderr();
    expect(logs).toMatch(/DEBUG POST \/v4\/recentcontact\/mark_contact → 0/);
    expect(logs).not.toContain(secretKey);
    for (const usersig of sigs) expect(logs).not.toContain(usersig);
    expect(logs).not.toContain('usersig=');
    // The one UserSig printed on purpose is the banner's, on stdout.
    expect(stub.stdout()).not.toContain(secretKey);
  });
});
