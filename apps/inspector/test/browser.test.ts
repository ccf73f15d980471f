// The inspector page in a real browser: headless Chromium (Debian's `chromium`, driven by
// playwright-core) against the built stub binary on 127.0.0.1, port 0. It checks what a person at
// the page relies on — it loads cleanly, shows refused calls after a burst over the ceiling, shows
// a mark decoded, lists a call in the journal, and a fault added in the page breaks the next call —
// and saves a screenshot of each panel to out/ (git-ignored).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sign } from '@tim-marks/usersig';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const STUB_BINARY = fileURLToPath(new URL('../../stub-server/dist/cli.js', import.meta.url));
const PAGE_BUILT = fileURLToPath(new URL('../dist/index.html', import.meta.url));
/** Screenshots, for a person to look at (git-ignored). */
const OUT = fileURLToPath(new URL('../out/', import.meta.url));

const SECRET_KEY = 'inspector-browser-test-key';
const SDK_APP_ID = 1400000000;
const ADMIN = 'administrator';
const MARK_CONTACT = 'v4/recentcontact/mark_contact';
const GET_CONTACT_GROUP = 'v4/recentcontact/get_contact_group';
const CEILING = 200;

/** Why this run cannot drive a browser; in CI a missing piece is a failure, not a skip. */
function missing(): string | undefined {
  if (!existsSync(CHROMIUM))
    return `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`;
  if (!existsSync(STUB_BINARY))
    return `${STUB_BINARY} is not built (npx nx run @tim-marks/stub-server:build)`;
  if (!existsSync(PAGE_BUILT)) return `${PAGE_BUILT} is not built (npx nx run @tim-marks/inspector:build)`;
  return undefined;
}
const why = missing();
if (why !== undefined && process.env.CI !== undefined) throw new Error(`the browser test cannot run: ${why}`);
if (why !== undefined) console.warn(`browser test skipped: ${why}`);

interface Stub {
  url: string;
  child: ChildProcess;
}

function startStub(): Promise<Stub> {
  const child = spawn(
    process.execPath,
    [STUB_BINARY, '--host', '127.0.0.1', '--port', '0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TIM_STUB_SECRET_KEY: SECRET_KEY } },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the stub did not start within 20 s:\n${output}`)), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1].replace(/\/$/, ''), child });
      }
    });
    child.once('exit', (code) => fail(new Error(`the stub exited with ${code}:\n${output}`)));
  });
}

describe.skipIf(why !== undefined)('the inspector page in headless Chromium', () => {
  let stub: Stub;
  let browser: Browser;
  let page: Page;
  /** Every console error, uncaught exception and failed load of the page, as text. */
  const problems: string[] = [];
  const userSig = sign({ sdkAppId: SDK_APP_ID, identifier: ADMIN, secretKey: SECRET_KEY });

  /** One API call as a service would make it; answers the parsed body. */
  async function api(command: string, body: unknown): Promise<Record<string, unknown>> {
    const query = new URLSearchParams({
      sdkappid: String(SDK_APP_ID),
      identifier: ADMIN,
      usersig: userSig,
      random: String(Math.floor(Math.random() * 2 ** 32)),
      contenttype: 'json',
    });
    const response = await fetch(`${stub.url}/${command}?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  async function stats(command: string): Promise<{ refused: number; accepted: number }> {
    const response = await fetch(`${stub.url}/__stub/stats?command=${command}`);
    const answer = (await response.json()) as { series: { totals: { refused: number; accepted: number } }[] };
    return answer.series[0]?.totals ?? { refused: 0, accepted: 0 };
  }

  const text = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';
  const panel = (name: string): Locator => page.getByRole('region', { name, exact: true });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    stub = await startStub();
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (stub !== undefined) {
      const exited = new Promise((resolve) => stub.child.once('exit', resolve));
      stub.child.kill('SIGTERM');
      await exited;
    }
  });

  it('loads with zero console errors, every panel present', async () => {
    await page.goto(`${stub.url}/__stub/ui`);
    await expect.poll(() => page.getByText(/version \d/).count()).toBe(1);
    for (const name of ['Calls per second', 'Request journal', 'State', 'Faults']) {
      expect(await panel(name).isVisible(), name).toBe(true);
    }
    await expect.poll(() => page.getByText('No calls since the last reset.').count()).toBe(1);
    await page.screenshot({ path: `${OUT}page-loaded.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows refused calls on the chart after a burst at twice the ceiling', async () => {
    // 2 × the ceiling at once; a slow machine may spread one burst over two windows, so burst again
    // (at most five times) until the stub has refused calls.
    for (let burst = 0; burst < 5 && (await stats(GET_CONTACT_GROUP)).refused === 0; burst++) {
      await Promise.all(
        Array.from({ length: 2 * CEILING }, () =>
          api(GET_CONTACT_GROUP, { From_Account: 'user0', StartIndex: 0 }),
        ),
      );
    }
    const { refused, accepted } = await stats(GET_CONTACT_GROUP);
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThanOrEqual(CEILING);

    const chart = page.getByRole('figure', { name: `calls per second: ${GET_CONTACT_GROUP}` });
    await expect
      .poll(async () => Number(await chart.getByTestId('refused').textContent()), { timeout: 15_000 })
      .toBe(refused);
    expect(Number(await chart.getByTestId('accepted').textContent())).toBe(accepted);
    expect(await chart.getByText(`ceiling ${CEILING}/s`).count()).toBe(1);
    // The canvas itself: the refused series is drawn in red.
    const redPixels = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i]! > 150 && data[i + 1]! < 110 && data[i + 2]! < 110 && data[i + 3]! > 40) count++;
      }
      return count;
    });
    expect(redPixels).toBeGreaterThan(50);
    await chart.screenshot({ path: `${OUT}ceiling-chart.png` });
  });

  it('shows a mark set through the API decoded in the state browser', async () => {
    const marked = await api(MARK_CONTACT, {
      From_Account: 'user0',
      MarkItem: [
        {
          OptType: 3,
          ContactItem: { Type: 1, To_Account: 'user1' },
          SetMark: [1, 2, 33, 34, 35, 40],
          CustomMark: 'vip',
        },
        { OptType: 1, ContactItem: { Type: 1, To_Account: 'user2' }, SetMark: [3, 4] },
      ],
    });
    expect(marked.ErrorCode).toBe(0);
    const grouped = await api('v4/recentcontact/create_contact_group', {
      From_Account: 'user0',
      GroupContactItem: [{ GroupName: 'Customers', ContactItem: [{ Type: 1, To_Account: 'user1' }] }],
    });
    expect(grouped.ErrorCode).toBe(0);

    const state = panel('State');
    await state.getByRole('button', { name: 'Refresh state' }).click();
    await state.getByRole('button', { name: /^user0\b/ }).click();
    const user1 = state.getByRole('row', { name: 'C2C user1', exact: true });
    await expect.poll(() => user1.count()).toBe(1);
    const bits = await text(user1.locator('.bits'));
    expect(bits).toContain('star');
    expect(bits).toContain('unread');
    expect(bits).not.toContain('fold');
    expect(bits).toContain('custom bits 33–35, 40');
    expect(await text(user1)).toContain('vip');
    expect(await text(user1)).toContain('Customers');
    const user2 = await text(state.getByRole('row', { name: 'C2C user2', exact: true }).locator('.bits'));
    expect(user2).toContain('fold');
    expect(user2).toContain('hide');
    expect(user2).not.toContain('star');
    expect(await text(state.getByRole('table', { name: 'conversation groups of user0' }))).toContain(
      'Customers',
    );
    await state.screenshot({ path: `${OUT}state-browser.png` });
  });

  it('lists a call in the journal, with its request and answer', async () => {
    const journal = panel('Request journal');
    await journal.getByLabel('Command', { exact: true }).selectOption(MARK_CONTACT);
    await journal.getByLabel('From_Account', { exact: true }).fill('user0');
    const entry = journal.getByRole('listitem', { name: new RegExp(`^call \\d+: ${MARK_CONTACT} OK$`) });
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(1);
    await entry.locator('summary').click();
    const request = await text(entry.getByRole('region', { name: /^request body of call/ }));
    expect(JSON.parse(request)).toMatchObject({
      From_Account: 'user0',
      MarkItem: [{ CustomMark: 'vip' }, {}],
    });
    const answer = await text(entry.getByRole('region', { name: /^answer of call/ }));
    expect(JSON.parse(answer)).toMatchObject({ httpStatus: 200, ErrorCode: 0, ResultCodes: [0, 0] });
    // The other filters narrow it away.
    await journal.getByLabel('ErrorCode', { exact: true }).fill('60007');
    await expect.poll(() => journal.getByText('No call matches.').count()).toBe(1);
    await journal.getByLabel('ErrorCode', { exact: true }).fill('');
    await expect.poll(() => entry.count()).toBe(1);
    await entry.locator('summary').click();
    await journal.screenshot({ path: `${OUT}journal.png` });
  });

  it('adds a fault in the page that makes the next call fail, then it expires', async () => {
    const faults = panel('Faults');
    const form = faults.getByRole('form', { name: 'add a fault' });
    await form.getByLabel('Kind', { exact: true }).selectOption('error');
    await form.getByLabel('Command', { exact: true }).selectOption(MARK_CONTACT);
    await form.getByLabel('ErrorCode', { exact: true }).selectOption('50004');
    await form.getByLabel('number of calls').fill('1');
    await form.getByRole('button', { name: 'Add fault' }).click();
    const row = faults.getByRole('row', { name: /^fault fault-\d+$/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await text(row)).toContain('ErrorCode 50004');
    const id = (await text(row.locator('td').first())).trim();
    await faults.screenshot({ path: `${OUT}faults.png` });

    const body = {
      From_Account: 'user0',
      MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user3' }, SetMark: [1] }],
    };
    const failed = await api(MARK_CONTACT, body);
    expect(failed).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 50004 });
    expect(failed.ResultItem).toBeUndefined();
    expect((await api(MARK_CONTACT, body)).ErrorCode).toBe(0);
    await expect.poll(() => row.count()).toBe(0);
    // The journal names the fault that shaped the failed answer.
    const journal = panel('Request journal');
    const failedEntry = journal.getByRole('listitem', {
      name: new RegExp(`^call \\d+: ${MARK_CONTACT} 50004$`),
    });
    await expect.poll(() => failedEntry.count()).toBe(1);
    expect(await text(failedEntry.locator('summary'))).toContain(id);
  });

  it('removes a fault from the page', async () => {
    const faults = panel('Faults');
    const form = faults.getByRole('form', { name: 'add a fault' });
    await form.getByLabel('Kind', { exact: true }).selectOption('error');
    await form.getByLabel('Command', { exact: true }).selectOption(GET_CONTACT_GROUP);
    await form.getByLabel('ErrorCode', { exact: true }).selectOption('50005');
    await form.getByLabel('on every call').check();
    await form.getByRole('button', { name: 'Add fault' }).click();
    const row = faults.getByRole('row', { name: /^fault fault-\d+$/ });
    await expect.poll(() => row.count()).toBe(1);
    const id = (await text(row.locator('td').first())).trim();
    const read = { From_Account: 'user0', StartIndex: 0 };
    // Every call of its scope fails while it is there, and none after it is removed.
    expect((await api(GET_CONTACT_GROUP, read)).ErrorCode).toBe(50005);
    expect((await api(GET_CONTACT_GROUP, read)).ErrorCode).toBe(50005);
    await faults.getByRole('button', { name: `Remove ${id}` }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect((await api(GET_CONTACT_GROUP, read)).ErrorCode).toBe(0);
  });

  it('adds every kind of fault the form offers, and removes them all', async () => {
    const faults = panel('Faults');
    const form = faults.getByRole('form', { name: 'add a fault' });
    const kinds: [kind: string, fill: () => Promise<void>, shown: string][] = [
      ['error', async () => {}, 'ErrorCode 50004'],
      [
        'item-error',
        () => form.getByLabel('To_Account (comma-separated)').fill('user1, user2'),
        'for user1, user2',
      ],
      ['http', () => form.getByLabel('HTTP status').fill('503'), 'HTTP 503'],
      ['latency', () => form.getByLabel('Latency (ms)').fill('250'), 'latency 250 ms'],
      ['drop', async () => {}, 'dropped connection'],
      ['hang', () => form.getByLabel('Give up after (ms)').fill('2000'), 'gives up after 2 s'],
    ];
    await form.getByLabel('on the next').check();
    await form.getByLabel('number of calls').fill('3');
    const rows = faults.getByRole('row', { name: /^fault fault-\d+$/ });
    for (const [index, [kind, fill]] of kinds.entries()) {
      await form.getByLabel('Kind', { exact: true }).selectOption(kind);
      if (kind === 'error') await form.getByLabel('ErrorCode', { exact: true }).selectOption('50004');
      await fill();
      await form.getByRole('button', { name: 'Add fault' }).click();
      await expect.poll(() => rows.count(), { message: kind }).toBe(index + 1);
    }
    const listed = await text(faults.getByRole('table', { name: 'active faults' }));
    for (const [kind, , shown] of kinds) expect(listed, kind).toContain(shown);
    expect(listed).toContain('3 more calls');
    await faults.screenshot({ path: `${OUT}faults-every-kind.png` });
    await faults.getByRole('button', { name: 'Remove all faults' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await text(faults)).toContain('No active fault');
  });

  it('had no console error, exception or failed load on the way', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}page-after.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
