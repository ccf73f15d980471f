// The bad-input table: hostile or broken input, each row with the ErrorCode it must get, HTTP 200 with
// a JSON body inside the spec, and proof from exported state that nothing changed (or, for item-level
// rows, that only the good item of the same call was applied). BAD-INPUT.md is rendered from these
// rows; the last test fails when it is out of date (BAD_INPUT_DOC=write rewrites it).
import { connect } from 'node:net';
import { COMMANDS, type CommandName, ErrorCode, LIMITS } from '@tim-marks/types';
import { sign } from '@tim-marks/usersig';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_VALUES } from '../../src/body.js';
import type { StubState } from '../../src/store/store.js';
import type { Stub } from '../../src/stub.js';
import { type Answer, expectValidAnswer, testStub } from '../helpers.js';
import { cell, syncDocSection } from './doc-table.js';

const OTHER_APP = 1400000001;
const BODY_LIMIT = 1024 * 1024; // startStub's default, which this table checks
const HEADERS_TIMEOUT_MS = 400;
const REQUEST_TIMEOUT_MS = 800;

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({
    rateLimit: 0,
    // The large-body budget off: each large row is answered by its rule, whatever the rows before it
    // cost (the budget has its own tests in bounded-cost.test.ts).
    largeBodyMsPerSecond: 0,
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    timeoutCheckIntervalMs: 100,
    config: {
      apps: [
        {
          sdkAppId: 1400000000,
          admins: ['administrator'],
          accounts: ['user0', 'user1'],
          groups: [{ GroupId: 'team' }],
        },
        { sdkAppId: OTHER_APP, secretKey: 'the-other-apps-key', accounts: ['user0'] },
      ],
    },
  });
});
afterAll(() => stub.close());

// ---------------------------------------------------------------------------------------------
// Rows

interface Reply {
  status: number;
  contentType: string;
  text: string;
  /** The server announced or did close the connection. */
  closed: boolean;
}

interface Row {
  group: string;
  /** What is sent, in words (the doc's column). */
  input: string;
  /** The command whose response schema the answer must match; undefined: the envelope alone. */
  command: CommandName | undefined;
  send(): Promise<Reply>;
  code: number;
  /** ResultCode of every item, in order (item-level rows: the bad item, then the good one). */
  items?: number[];
  /** Conversations of user0 the call must change (`1:To_Account` / `2:ToGroupId` → fields they then have). */
  applied?: Record<string, Record<string, unknown>>;
  /** Accounts the call must add. */
  accountsAdded?: string[];
  /** The answer closes the connection. */
  closes?: boolean;
}

const GOOD = { OptType: 1, ContactItem: { Type: 1, To_Account: 'good' }, SetMark: [5] };
// Exported state writes StandardMark as the decimal string of the 64-bit value: bit 5 is 16.
const GOOD_APPLIED = { '1:good': { StandardMark: '16' } };

type Pairs = [string, string][];

function goodQuery(): Pairs {
  return [
    ['sdkappid', '1400000000'],
    ['identifier', 'administrator'],
    ['usersig', stub.adminUserSig],
    ['random', '12345'],
    ['contenttype', 'json'],
  ];
}

function queryString(pairs: Pairs): string {
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

async function post(
  path: string,
  query: Pairs | string,
  body: string | Buffer | undefined,
  method = 'POST',
  contentType = 'application/json',
): Promise<Reply> {
  const search = typeof query === 'string' ? query : queryString(query);
  const response = await request(`${stub.url}${path}?${search}`, {
    method: method as 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return {
    status: response.statusCode,
    contentType: String(response.headers['content-type'] ?? ''),
    text: await response.body.text(),
    closed: response.headers.connection === 'close',
  };
}

function sendBody(command: CommandName, body: string | Buffer, contentType?: string): () => Promise<Reply> {
  return () => post(COMMANDS[command], goodQuery(), body, 'POST', contentType);
}

function sendJson(command: CommandName, value: unknown): () => Promise<Reply> {
  return sendBody(command, JSON.stringify(value));
}

/** mark_contact with the query changed by `edit`. */
function sendQuery(edit: (pairs: Pairs) => Pairs | string): () => Promise<Reply> {
  const body = JSON.stringify({ From_Account: 'user0', MarkItem: [GOOD] });
  return () => post(COMMANDS.markContact, edit(goodQuery()), body);
}

function replace(name: string, value: string | undefined): (pairs: Pairs) => Pairs {
  return (pairs) =>
    value === undefined
      ? pairs.filter(([n]) => n !== name)
      : pairs.map(([n, v]) => [n, n === name ? value : v] as [string, string]);
}

function rename(name: string, to: string): (pairs: Pairs) => Pairs {
  return (pairs) => pairs.map(([n, v]) => [n === name ? to : n, v] as [string, string]);
}

/** Sends raw bytes on a fresh connection; answers the HTTP response, read until the server closes. */
function rawExchange(write: (socket: ReturnType<typeof connect>) => void): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect(stub.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {}); // the server may close while we still write: the answer is what counts
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error('no answer within 10 s'));
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const head = text.slice(0, end);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1] ?? '',
        text: text.slice(end + 4),
        closed: true,
      });
    });
    socket.on('connect', () => write(socket));
  });
}

function requestHead(command: CommandName, headers: string): string {
  return `POST ${COMMANDS[command]}?${queryString(goodQuery())} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`;
}

/** A client that trickles its request never finishes it; meanwhile another client is served. */
function sendSlow(part: 'headers' | 'body'): () => Promise<Reply> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const slow = rawExchange((socket) => {
      if (part === 'headers')
        socket.write(`POST ${COMMANDS.markContact}?${queryString(goodQuery())} HTTP/1.1\r\n`);
      else socket.write(`${requestHead('markContact', 'Content-Length: 1000\r\n')}{"From_Account":`);
      timer = setInterval(() => {
        if (!socket.destroyed) socket.write(part === 'headers' ? 'X' : ' ');
      }, 50);
      socket.on('close', () => clearInterval(timer));
    });
    // Another client is served while the slow one hangs on.
    const other = await post(
      COMMANDS.getContactGroup,
      goodQuery(),
      JSON.stringify({ From_Account: 'user0', StartIndex: 0 }),
    );
    expect(JSON.parse(other.text).ErrorCode).toBe(0);
    const reply = await slow;
    clearInterval(timer);
    return reply;
  };
}

function mark(items: unknown[], from: unknown = 'user0') {
  return sendJson('markContact', { From_Account: from, MarkItem: items });
}

const rows: Row[] = [];

function add(group: string, row: Omit<Row, 'group'>): void {
  rows.push({ group, ...row });
}

/** A request-level failure of mark_contact: nothing changes. */
function refused(group: string, input: string, send: () => Promise<Reply>, code: number): void {
  add(group, { input, command: 'markContact', send, code });
}

/** An item-level failure: the bad item fails with `code`, the good item of the same call is applied. */
function itemFails(group: string, input: string, bad: unknown, code: number): void {
  add(group, {
    input: `${input}; plus one good item`,
    command: 'markContact',
    send: mark([bad, GOOD]),
    code: ErrorCode.OK,
    items: [code, ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
}

/** An item that must be accepted as it is: it is applied, as is the good item. */
function itemApplied(
  group: string,
  input: string,
  item: Record<string, unknown>,
  fields: Record<string, unknown>,
): void {
  const contact = item.ContactItem as { Type: number; To_Account?: string; ToGroupId?: string };
  add(group, {
    input: `${input}; plus one good item`,
    command: 'markContact',
    send: mark([item, GOOD]),
    code: ErrorCode.OK,
    items: [ErrorCode.OK, ErrorCode.OK],
    applied: { ...GOOD_APPLIED, [`${contact.Type}:${contact.To_Account ?? contact.ToGroupId}`]: fields },
  });
}

const custom = (CustomMark: unknown, to = 'bad') => ({
  OptType: 2,
  ContactItem: { Type: 1, To_Account: to },
  CustomMark,
});
const bits = (extra: Record<string, unknown>) => ({
  OptType: 1,
  ContactItem: { Type: 1, To_Account: 'bad' },
  ...extra,
});

// Broken and truncated JSON
{
  const group = 'Broken and truncated JSON';
  const valid = JSON.stringify({ From_Account: 'user0', MarkItem: [GOOD] });
  const cases: [string, string | Buffer][] = [
    ['`{`', '{'],
    ['a valid body cut in half', valid.slice(0, Math.floor(valid.length / 2))],
    ['a valid body without its last `}`', valid.slice(0, -1)],
    ['a trailing comma `{"From_Account":"user0",}`', '{"From_Account":"user0",}'],
    ["single quotes `{'From_Account':'user0'}`", "{'From_Account':'user0'}"],
    ['a comment `{/* */}`', '{/* */}'],
    ['an empty body', ''],
    ['only whitespace', ' \r\n\t '],
    ['two objects `{}{}`', '{}{}'],
    [
      'a UTF-8 byte order mark before a valid body',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]),
    ],
  ];
  for (const [input, body] of cases)
    refused(group, input, sendBody('markContact', body), ErrorCode.INVALID_JSON);
}

// JSON that is not an object
{
  const group = 'JSON that is not an object';
  for (const body of ['[]', '[{"From_Account":"user0"}]', 'null', '42', '"user0"', 'true']) {
    refused(group, `\`${body}\``, sendBody('markContact', body), ErrorCode.INVALID_JSON);
  }
  add(group, {
    input: '`[]` to get_contact_group',
    command: 'getContactGroup',
    send: sendBody('getContactGroup', '[]'),
    code: ErrorCode.INVALID_JSON,
  });
  add(group, {
    input: '`null` to account_import',
    command: 'accountImport',
    send: sendBody('accountImport', 'null'),
    code: ErrorCode.INVALID_JSON,
  });
}

// Wrong types, field by field
{
  const group = 'Wrong types for every field';
  for (const [label, value] of [
    ['5', 5],
    ['null', null],
    ['true', true],
    ['{}', {}],
    ['["user0"]', ['user0']],
  ] as const) {
    refused(group, `mark_contact From_Account ${label}`, mark([GOOD], value), ErrorCode.ACCOUNT_TYPE);
  }
  for (const [label, value] of [
    ['"x"', 'x'],
    ['{}', {}],
    ['5', 5],
    ['null', null],
  ] as const) {
    refused(
      group,
      `mark_contact MarkItem ${label}`,
      sendJson('markContact', { From_Account: 'user0', MarkItem: value }),
      ErrorCode.INVALID_PARAMETER,
    );
  }
  for (const [label, value] of [
    ['5', 5],
    ['"x"', 'x'],
    ['null', null],
    ['[]', []],
  ] as const) {
    itemFails(group, `a MarkItem that is ${label}`, value, ErrorCode.INVALID_PARAMETER);
  }
  for (const [label, value] of [
    ['"1"', '1'],
    ['null', null],
    ['true', true],
    ['[1]', [1]],
    ['1.5', 1.5],
    ['0', 0],
    ['4', 4],
  ] as const) {
    itemFails(
      group,
      `OptType ${label}`,
      { ...GOOD, ContactItem: { Type: 1, To_Account: 'bad' }, OptType: value },
      ErrorCode.INVALID_PARAMETER,
    );
  }
  for (const [label, value] of [
    ['"bad"', 'bad'],
    ['5', 5],
    ['null', null],
    ['[]', []],
  ] as const) {
    itemFails(group, `ContactItem ${label}`, { ...GOOD, ContactItem: value }, ErrorCode.INVALID_PARAMETER);
  }
  for (const [label, value] of [
    ['"1"', '1'],
    ['3', 3],
    ['null', null],
  ] as const) {
    itemFails(
      group,
      `ContactItem.Type ${label}`,
      { ...GOOD, ContactItem: { Type: value, To_Account: 'bad' } },
      ErrorCode.INVALID_PARAMETER,
    );
  }
  for (const [label, value] of [
    ['5', 5],
    ['null', null],
    ['{}', {}],
  ] as const) {
    itemFails(
      group,
      `To_Account ${label}`,
      { ...GOOD, ContactItem: { Type: 1, To_Account: value } },
      ErrorCode.ACCOUNT_TYPE,
    );
  }
  itemFails(
    group,
    'To_Account ""',
    { ...GOOD, ContactItem: { Type: 1, To_Account: '' } },
    ErrorCode.INVALID_PARAMETER,
  );
  itemFails(
    group,
    `To_Account of ${LIMITS.userIdMaxBytes + 1} bytes`,
    { ...GOOD, ContactItem: { Type: 1, To_Account: 'b'.repeat(LIMITS.userIdMaxBytes + 1) } },
    ErrorCode.INVALID_PARAMETER,
  );
  for (const [label, value] of [
    ['5', 5],
    ['""', ''],
  ] as const) {
    itemFails(
      group,
      `ToGroupId ${label}`,
      { ...GOOD, ContactItem: { Type: 2, ToGroupId: value } },
      ErrorCode.INVALID_PARAMETER,
    );
  }
  for (const field of ['SetMark', 'ClearMark']) {
    for (const [label, value] of [
      ['"1"', '1'],
      ['1', 1],
      ['{}', {}],
    ] as const) {
      itemFails(group, `${field} ${label}`, bits({ [field]: value }), ErrorCode.INVALID_PARAMETER);
    }
  }
  for (const [label, value] of [
    ['5', 5],
    ['null', null],
    ['["x"]', ['x']],
  ] as const) {
    itemFails(group, `CustomMark ${label}`, custom(value), ErrorCode.INVALID_PARAMETER);
  }
  add(group, {
    input: 'get_contact_group From_Account 5',
    command: 'getContactGroup',
    send: sendJson('getContactGroup', { From_Account: 5, StartIndex: 0 }),
    code: ErrorCode.ACCOUNT_TYPE,
  });
  for (const [label, value] of [
    ['"0"', '0'],
    ['null', null],
    ['-1', -1],
    ['1.5', 1.5],
  ] as const) {
    add(group, {
      input: `get_contact_group StartIndex ${label}`,
      command: 'getContactGroup',
      send: sendJson('getContactGroup', { From_Account: 'user0', StartIndex: value }),
      code: ErrorCode.INVALID_PARAMETER,
    });
  }
  add(group, {
    input: 'get_contact_group without StartIndex',
    command: 'getContactGroup',
    send: sendJson('getContactGroup', { From_Account: 'user0' }),
    code: ErrorCode.INVALID_PARAMETER,
  });
  for (const [label, value] of [
    ['5', 5],
    ['null', null],
  ] as const) {
    add(group, {
      input: `account_import UserID ${label}`,
      command: 'accountImport',
      send: sendJson('accountImport', { UserID: value }),
      code: ErrorCode.ACCOUNT_TYPE,
    });
  }
  add(group, {
    input: 'account_import UserID ""',
    command: 'accountImport',
    send: sendJson('accountImport', { UserID: '' }),
    code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  });
  for (const field of ['Nick', 'FaceUrl']) {
    add(group, {
      input: `account_import ${field} 5`,
      command: 'accountImport',
      send: sendJson('accountImport', { UserID: 'newbie', [field]: 5 }),
      code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
    });
  }
  // Identifier: the deprecated older name of UserID, still sent by some SDKs.
  add(group, {
    input: 'account_import Identifier 5 (the older name of UserID)',
    command: 'accountImport',
    send: sendJson('accountImport', { Identifier: 5 }),
    code: ErrorCode.ACCOUNT_TYPE,
  });
  add(group, {
    input: 'account_import Identifier ""',
    command: 'accountImport',
    send: sendJson('accountImport', { Identifier: '' }),
    code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  });
  add(group, {
    input: 'account_import UserID "newbie" and Identifier "other": two different accounts',
    command: 'accountImport',
    send: sendJson('accountImport', { UserID: 'newbie', Identifier: 'other' }),
    code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  });
  add(group, {
    input: 'account_import Identifier "newbie" alone: imported, as UserID would be',
    command: 'accountImport',
    send: sendJson('accountImport', { Identifier: 'newbie' }),
    code: ErrorCode.OK,
    accountsAdded: ['newbie'],
  });
  add(group, {
    input: 'multiaccount_import with both Accounts and AccountList',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { Accounts: ['newbie'], AccountList: [{ UserID: 'newbie' }] }),
    code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  });
  add(group, {
    input:
      'multiaccount_import Accounts ["newbie"] beside an empty AccountList (as generated Java clients send)',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { Accounts: ['newbie'], AccountList: [] }),
    code: ErrorCode.OK,
    accountsAdded: ['newbie'],
  });
  for (const [label, value] of [
    ['[5]', [5]],
    ['[{"UserID":5}]', [{ UserID: 5 }]],
    ['[{}]', [{}]],
  ] as const) {
    add(group, {
      input: `multiaccount_import AccountList ${label}`,
      command: 'multiaccountImport',
      send: sendJson('multiaccountImport', { AccountList: value }),
      code: ErrorCode.ACCOUNT_TYPE,
    });
  }
  add(group, {
    input: 'multiaccount_import AccountList [{"UserID":"newbie","Nick":5}]',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { AccountList: [{ UserID: 'newbie', Nick: 5 }] }),
    code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  });
  add(group, {
    input: 'multiaccount_import AccountList []',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { AccountList: [] }),
    code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  });
  add(group, {
    input:
      'multiaccount_import AccountList [{"UserID":""}, {"UserID":"newbie"}]: the empty one in FailAccounts',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { AccountList: [{ UserID: '' }, { UserID: 'newbie' }] }),
    code: ErrorCode.OK,
    accountsAdded: ['newbie'],
  });
  add(group, {
    input: 'multiaccount_import Accounts "newbie"',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { Accounts: 'newbie' }),
    code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  });
  add(group, {
    input: 'multiaccount_import Accounts [5]',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { Accounts: [5] }),
    code: ErrorCode.ACCOUNT_TYPE,
  });
  add(group, {
    input: 'multiaccount_import Accounts ["", "newbie"]: the empty one in FailAccounts',
    command: 'multiaccountImport',
    send: sendJson('multiaccountImport', { Accounts: ['', 'newbie'] }),
    code: ErrorCode.OK,
    accountsAdded: ['newbie'],
  });
  for (const [field, value, code] of [
    ['Type', 5, ErrorCode.GROUP_INVALID_PARAMETER],
    ['Type', 'Nope', ErrorCode.GROUP_INVALID_PARAMETER],
    ['Name', 5, ErrorCode.GROUP_INVALID_PARAMETER],
    ['Name', '', ErrorCode.GROUP_INVALID_PARAMETER],
    ['GroupId', 5, ErrorCode.GROUP_INVALID_PARAMETER],
    ['Owner_Account', 5, ErrorCode.ACCOUNT_TYPE],
  ] as const) {
    add(group, {
      input: `create_group ${field} ${JSON.stringify(value)}`,
      command: 'createGroup',
      send: sendJson('createGroup', { Type: 'Public', Name: 'n', GroupId: 'g1', [field]: value }),
      code,
    });
  }
  for (const [label, body] of [
    ['GroupId 5', { GroupId: 5 }],
    ['GroupId ""', { GroupId: '' }],
    ['no GroupId', {}],
  ] as const) {
    add(group, {
      input: `destroy_group ${label}`,
      command: 'destroyGroup',
      send: sendJson('destroyGroup', body),
      code: ErrorCode.GROUP_INVALID_PARAMETER,
    });
  }
}

// NaN and huge numbers
{
  const group = 'NaN and huge numbers';
  for (const literal of ['NaN', 'Infinity', '-Infinity']) {
    refused(
      group,
      `OptType \`${literal}\` (not JSON)`,
      sendBody(
        'markContact',
        `{"From_Account":"user0","MarkItem":[{"OptType":${literal},"ContactItem":{"Type":1,"To_Account":"bad"},"SetMark":[1]}]}`,
      ),
      ErrorCode.INVALID_JSON,
    );
  }
  const rawItem = (optType: string, setMark: string) =>
    `{"OptType":${optType},"ContactItem":{"Type":1,"To_Account":"bad"},"SetMark":${setMark}}`;
  const good = JSON.stringify(GOOD);
  for (const [input, item] of [
    ['OptType `1e400` (parses as Infinity)', rawItem('1e400', '[1]')],
    ['SetMark `[1e308]`', rawItem('1', '[1e308]')],
    ['SetMark `[9007199254740993]`', rawItem('1', '[9007199254740993]')],
    ['SetMark `[1e-300]`', rawItem('1', '[1e-300]')],
  ] as const) {
    add(group, {
      input: `${input}; plus one good item`,
      command: 'markContact',
      send: sendBody('markContact', `{"From_Account":"user0","MarkItem":[${item},${good}]}`),
      code: ErrorCode.OK,
      items: [ErrorCode.INVALID_PARAMETER, ErrorCode.OK],
      applied: GOOD_APPLIED,
    });
  }
  refused(
    group,
    'From_Account `1e400`',
    sendBody('markContact', `{"From_Account":1e400,"MarkItem":[${good}]}`),
    ErrorCode.ACCOUNT_TYPE,
  );
  add(group, {
    input: 'get_contact_group StartIndex `1` followed by 400 zeros',
    command: 'getContactGroup',
    send: sendBody('getContactGroup', `{"From_Account":"user0","StartIndex":1${'0'.repeat(400)}}`),
    code: ErrorCode.INVALID_PARAMETER,
  });
  add(group, {
    input: 'get_contact_group StartIndex `1e300` (an integer, but past 2^53 − 1)',
    command: 'getContactGroup',
    send: sendBody('getContactGroup', '{"From_Account":"user0","StartIndex":1e300}'),
    code: ErrorCode.INVALID_PARAMETER,
  });
  add(group, {
    input: 'get_contact_group StartIndex `9007199254740991` (2^53 − 1: an empty last page)',
    command: 'getContactGroup',
    send: sendBody('getContactGroup', '{"From_Account":"user0","StartIndex":9007199254740991}'),
    code: ErrorCode.OK,
  });
}

// Conversation-group commands: request-level refusals change nothing (no group is created or changed)
{
  const group = 'Conversation-group commands';
  const create = (GroupContactItem: unknown, from: unknown = 'user0') =>
    sendJson('createContactGroup', { From_Account: from, GroupContactItem });
  const cases: [string, CommandName, () => Promise<Reply>, number][] = [
    [
      'create_contact_group body `[]`',
      'createContactGroup',
      sendBody('createContactGroup', '[]'),
      ErrorCode.INVALID_JSON,
    ],
    [
      'create_contact_group From_Account 5',
      'createContactGroup',
      create([{ GroupName: 'a', ContactItem: [] }], 5),
      ErrorCode.ACCOUNT_TYPE,
    ],
    [
      'create_contact_group GroupContactItem `{}`',
      'createContactGroup',
      create({}),
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'create_contact_group two groups in one call',
      'createContactGroup',
      create([
        { GroupName: 'a', ContactItem: [] },
        { GroupName: 'b', ContactItem: [] },
      ]),
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'create_contact_group GroupName `""`',
      'createContactGroup',
      create([{ GroupName: '', ContactItem: [] }]),
      ErrorCode.CONTACT_GROUP_NAME,
    ],
    [
      'create_contact_group GroupName of 33 bytes (11 × `组`)',
      'createContactGroup',
      create([{ GroupName: '组'.repeat(11), ContactItem: [] }]),
      ErrorCode.CONTACT_GROUP_NAME,
    ],
    [
      'create_contact_group GroupName `null`',
      'createContactGroup',
      create([{ GroupName: null, ContactItem: [] }]),
      ErrorCode.CONTACT_GROUP_NAME,
    ],
    [
      'create_contact_group ContactItem `"x"`',
      'createContactGroup',
      create([{ GroupName: 'a', ContactItem: 'x' }]),
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      `create_contact_group ${LIMITS.contactGroupItemsPerCall + 1} conversations`,
      'createContactGroup',
      create([
        {
          GroupName: 'a',
          ContactItem: Array.from({ length: LIMITS.contactGroupItemsPerCall + 1 }, (_, i) => ({
            Type: 1,
            To_Account: `u${i}`,
          })),
        },
      ]),
      ErrorCode.MARK_ITEM_COUNT,
    ],
    [
      'create_contact_group From_Account `"__proto__"` (never imported)',
      'createContactGroup',
      create([{ GroupName: 'a', ContactItem: [] }], '__proto__'),
      ErrorCode.ACCOUNT_NOT_IMPORTED,
    ],
    [
      'update_contact_group UpdateType 2',
      'updateContactGroup',
      sendJson('updateContactGroup', {
        From_Account: 'user0',
        UpdateType: 2,
        UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'a', NewGroupName: 'b' },
      }),
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'update_contact_group UpdateGroup `[]`',
      'updateContactGroup',
      sendJson('updateContactGroup', { From_Account: 'user0', UpdateType: 1, UpdateGroup: [] }),
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'update_contact_group OldGroupName `"constructor"` (no such group)',
      'updateContactGroup',
      sendJson('updateContactGroup', {
        From_Account: 'user0',
        UpdateType: 1,
        UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'constructor', NewGroupName: 'b' },
      }),
      ErrorCode.CONTACT_GROUP_NOT_FOUND,
    ],
    [
      'update_contact_group UpdateGroupType 2 without ContactUpdateItem',
      'updateContactGroup',
      sendJson('updateContactGroup', {
        From_Account: 'user0',
        UpdateType: 1,
        UpdateGroup: { UpdateGroupType: 2, OldGroupName: 'a' },
      }),
      ErrorCode.MARK_ITEM_COUNT,
    ],
    [
      'del_contact_group GroupName `"a"` (not a list)',
      'delContactGroup',
      sendJson('delContactGroup', { From_Account: 'user0', GroupName: 'a' }),
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'del_contact_group GroupName `["__proto__"]` (no such group)',
      'delContactGroup',
      sendJson('delContactGroup', { From_Account: 'user0', GroupName: ['__proto__'] }),
      ErrorCode.CONTACT_GROUP_NOT_FOUND,
    ],
    [
      'search_contact_group ContactItem `[]`',
      'searchContactGroup',
      sendJson('searchContactGroup', { From_Account: 'user0', ContactItem: [] }),
      ErrorCode.MARK_ITEM_COUNT,
    ],
    [
      'search_contact_group ContactItem `[5]`',
      'searchContactGroup',
      sendJson('searchContactGroup', { From_Account: 'user0', ContactItem: [5] }),
      ErrorCode.INVALID_PARAMETER,
    ],
  ];
  for (const [input, command, send, code] of cases) add(group, { input, command, send, code });
}

// Duplicate keys: the last one wins, as in JSON.parse
{
  const group = 'Duplicate keys (the last occurrence wins)';
  const good = JSON.stringify(GOOD);
  add(group, {
    input: '`From_Account` twice, `"nobody"` then `"user0"`',
    command: 'markContact',
    send: sendBody('markContact', `{"From_Account":"nobody","From_Account":"user0","MarkItem":[${good}]}`),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
  refused(
    group,
    '`From_Account` twice, `"user0"` then `5`',
    sendBody('markContact', `{"From_Account":"user0","From_Account":5,"MarkItem":[${good}]}`),
    ErrorCode.ACCOUNT_TYPE,
  );
  add(group, {
    input: '`MarkItem` twice, a bad list then a good one',
    command: 'markContact',
    send: sendBody('markContact', `{"From_Account":"user0","MarkItem":[5],"MarkItem":[${good}]}`),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
  add(group, {
    input: '`CustomMark` twice in one item, `"first"` then `"second"`',
    command: 'markContact',
    send: sendBody(
      'markContact',
      '{"From_Account":"user0","MarkItem":[{"OptType":2,"ContactItem":{"Type":1,"To_Account":"dup"},"CustomMark":"first","CustomMark":"second"}]}',
    ),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: { '1:dup': { CustomMark: 'second' } },
  });
}

// Deeply nested bodies
{
  const group = 'Deeply nested bodies (at most 64 levels)';
  const good = JSON.stringify(GOOD);
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  // The body object is level 1, so an unknown field of depth 63 makes 64 levels.
  add(group, {
    input: 'an unknown field nested so that the body has exactly 64 levels',
    command: 'markContact',
    send: sendBody('markContact', `{"From_Account":"user0","MarkItem":[${good}],"X":${nested(63)}}`),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
  refused(
    group,
    'an unknown field nested one level deeper (65 levels)',
    sendBody('markContact', `{"From_Account":"user0","MarkItem":[${good}],"X":${nested(64)}}`),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'an unknown field nested 100,000 levels',
    sendBody('markContact', `{"From_Account":"user0","MarkItem":[${good}],"X":${nested(100_000)}}`),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'a ContactItem nested 100,000 levels (it would be echoed)',
    sendBody(
      'markContact',
      `{"From_Account":"user0","MarkItem":[{"OptType":1,"ContactItem":${nested(100_000)},"SetMark":[1]},${good}]}`,
    ),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'a To_Account of 25,000 nested objects',
    sendBody(
      'markContact',
      `{"From_Account":"user0","MarkItem":[{"OptType":1,"ContactItem":{"Type":1,"To_Account":${'{"a":'.repeat(25_000)}1${'}'.repeat(25_000)}},"SetMark":[1]}]}`,
    ),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'a body that is 200,000 nested arrays',
    sendBody('markContact', nested(200_000)),
    ErrorCode.INVALID_JSON,
  );
  add(group, {
    input: 'multiaccount_import Accounts of 100,000 nested arrays',
    command: 'multiaccountImport',
    send: sendBody('multiaccountImport', `{"Accounts":[${nested(100_000)}]}`),
    code: ErrorCode.INVALID_JSON,
  });
  add(group, {
    input: 'brackets inside a string do not count: a CustomMark of 300 `[`',
    command: 'markContact',
    send: mark([custom('['.repeat(LIMITS.customMarkMaxBytes), 'brackets'), GOOD]),
    code: ErrorCode.OK,
    items: [ErrorCode.OK, ErrorCode.OK],
    applied: { ...GOOD_APPLIED, '1:brackets': { CustomMark: '['.repeat(LIMITS.customMarkMaxBytes) } },
  });
}

// Bodies over the size limit
{
  const group = `Bodies over the size limit (${BODY_LIMIT} bytes by default)`;
  const head = `{"From_Account":"user0","MarkItem":[${JSON.stringify(GOOD)}],"Padding":"`;
  const exactly = (size: number) => `${head}${'x'.repeat(size - head.length - 2)}"}`;
  add(group, {
    input: `a valid body of exactly ${BODY_LIMIT} bytes`,
    command: 'markContact',
    send: sendBody('markContact', exactly(BODY_LIMIT)),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
  add(group, {
    input: `a valid body of ${BODY_LIMIT + 1} bytes, Content-Length declared`,
    command: 'markContact',
    send: sendBody('markContact', exactly(BODY_LIMIT + 1)),
    code: ErrorCode.SERVICE_TIMEOUT,
    closes: true,
  });
  add(group, {
    input: 'Content-Length of 10 GB declared, the body never sent',
    command: 'markContact',
    send: () =>
      rawExchange((socket) => socket.write(requestHead('markContact', 'Content-Length: 10000000000\r\n'))),
    code: ErrorCode.SERVICE_TIMEOUT,
    closes: true,
  });
  add(group, {
    input: `a chunked body (no length declared) growing past ${BODY_LIMIT} bytes`,
    command: 'markContact',
    send: () =>
      rawExchange((socket) => {
        const chunk = 'x'.repeat(64 * 1024);
        socket.write(requestHead('markContact', 'Transfer-Encoding: chunked\r\n'));
        for (let i = 0; i < 20; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        socket.write('0\r\n\r\n');
      }),
    code: ErrorCode.SERVICE_TIMEOUT,
    closes: true,
  });
}

// NUL bytes, lone surrogates, invalid UTF-8
{
  const group = 'NUL bytes, lone surrogates and invalid UTF-8';
  const around = (bytes: number[]) =>
    Buffer.concat([
      Buffer.from(
        '{"From_Account":"user0","MarkItem":[{"OptType":2,"ContactItem":{"Type":1,"To_Account":"bad"},"CustomMark":"a',
      ),
      Buffer.from(bytes),
      Buffer.from(`b"},${JSON.stringify(GOOD)}]}`),
    ]);
  refused(
    group,
    'a raw NUL byte between two tokens',
    sendBody(
      'markContact',
      Buffer.from(`{"From_Account":"user0",\u0000"MarkItem":[${JSON.stringify(GOOD)}]}`),
    ),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'a raw NUL byte inside a string (control characters must be escaped)',
    sendBody('markContact', around([0x00])),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'invalid UTF-8 bytes `FF FE` inside a string',
    sendBody('markContact', around([0xff, 0xfe])),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'a surrogate encoded in UTF-8 (`ED A0 80`, CESU-8)',
    sendBody('markContact', around([0xed, 0xa0, 0x80])),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'an overlong encoding of `/` (`C0 AF`)',
    sendBody('markContact', around([0xc0, 0xaf])),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'a UTF-8 sequence cut short (`E4 B8`)',
    sendBody('markContact', around([0xe4, 0xb8])),
    ErrorCode.INVALID_JSON,
  );
  itemApplied(group, 'an escaped NUL `\\u0000` in CustomMark: stored as sent', custom('a\u0000b', 'nul'), {
    CustomMark: 'a\u0000b',
  });
  itemApplied(
    group,
    'an escaped lone surrogate `\\ud800` in CustomMark: stored and answered as sent',
    custom('a\ud800b', 'surrogate'),
    { CustomMark: 'a\ud800b' },
  );
  itemApplied(
    group,
    'an escaped lone surrogate in To_Account',
    { ...GOOD, ContactItem: { Type: 1, To_Account: '\udc00' } },
    { StandardMark: '16' },
  );
  refused(
    group,
    'an escaped lone surrogate in From_Account (never imported)',
    mark([GOOD], '\ud800'),
    ErrorCode.ACCOUNT_NOT_IMPORTED,
  );
  itemFails(
    group,
    `86 lone surrogates in CustomMark (each counts 3 bytes, as U+FFFD would: 258 > ${LIMITS.customMarkMaxBytes})`,
    custom('\ud800'.repeat(86)),
    ErrorCode.INVALID_PARAMETER,
  );
}

// CustomMark at and one byte over the limit, in 1- to 4-byte characters
{
  const group = `CustomMark at and one byte over ${LIMITS.customMarkMaxBytes} UTF-8 bytes`;
  const max = LIMITS.customMarkMaxBytes;
  const cases: [string, string, string][] = [
    ['1-byte characters', 'a'.repeat(max), 'a'.repeat(max + 1)],
    ['2-byte characters', 'é'.repeat(max / 2), `${'é'.repeat(max / 2)}a`],
    ['3-byte characters', `a${'中'.repeat(85)}`, `aa${'中'.repeat(85)}`],
    ['1-byte characters and a last 3-byte one', `${'a'.repeat(max - 3)}中`, `${'a'.repeat(max - 2)}中`],
    ['4-byte characters', '😀'.repeat(max / 4), `${'😀'.repeat(max / 4)}a`],
  ];
  cases.forEach(([kind, at, over], i) => {
    if (Buffer.byteLength(at) !== max || Buffer.byteLength(over) !== max + 1)
      throw new Error(`bad ${kind} case`);
    itemApplied(group, `${kind}, exactly ${max} bytes (${[...at].length} characters)`, custom(at, `at${i}`), {
      CustomMark: at,
    });
    itemFails(
      group,
      `${kind}, ${max + 1} bytes (${[...over].length} characters)`,
      custom(over),
      ErrorCode.INVALID_PARAMETER,
    );
  });
}

// SetMark and ClearMark positions
{
  const group = 'SetMark / ClearMark positions';
  for (const [label, value] of [
    ['0', 0],
    ['65', 65],
    ['-1', -1],
    ['1.5', 1.5],
    ['"1"', '1'],
    ['null', null],
  ] as const) {
    itemFails(group, `SetMark [${label}]`, bits({ SetMark: [value] }), ErrorCode.INVALID_PARAMETER);
  }
  for (const [label, value] of [
    ['0', 0],
    ['65', 65],
  ] as const) {
    itemFails(group, `ClearMark [${label}]`, bits({ ClearMark: [value] }), ErrorCode.INVALID_PARAMETER);
  }
  itemFails(
    group,
    'SetMark [1] and ClearMark [1] in one item',
    bits({ SetMark: [1], ClearMark: [1] }),
    ErrorCode.INVALID_PARAMETER,
  );
  itemFails(
    group,
    'OptType 1 with SetMark [] and no ClearMark',
    bits({ SetMark: [] }),
    ErrorCode.INVALID_PARAMETER,
  );
  itemApplied(
    group,
    'SetMark [3, 3, 3] (duplicates set the bit once)',
    { ...bits({ SetMark: [3, 3, 3] }), ContactItem: { Type: 1, To_Account: 'dups' } },
    { StandardMark: '4' },
  );
  itemApplied(
    group,
    'SetMark [1, 64] (both ends)',
    { ...bits({ SetMark: [1, 64] }), ContactItem: { Type: 1, To_Account: 'ends' } },
    { StandardMark: String(2n ** 63n + 1n) },
  );
  itemApplied(
    group,
    'SetMark [2.0] (an integer written with a fraction)',
    { ...bits({ SetMark: [2.0] }), ContactItem: { Type: 1, To_Account: 'float' } },
    { StandardMark: '2' },
  );
}

// Query parameters
{
  const group = 'Query parameters';
  const missing: [string, number][] = [
    ['sdkappid', ErrorCode.MISSING_SDKAPPID],
    ['identifier', ErrorCode.ACCOUNT_OR_SIGNATURE],
    ['usersig', ErrorCode.USERSIG_EMPTY],
    ['random', ErrorCode.HTTP_PARSE_ERROR],
    ['contenttype', ErrorCode.HTTP_PARSE_ERROR],
  ];
  for (const [name, code] of missing)
    refused(group, `no \`${name}\``, sendQuery(replace(name, undefined)), code);
  for (const [name, code] of missing)
    refused(group, `\`${name}=\` (empty)`, sendQuery(replace(name, '')), code);
  for (const [name, code] of missing) {
    const upper =
      name === 'sdkappid'
        ? 'SdkAppId'
        : name === 'contenttype'
          ? 'ContentType'
          : name[0]?.toUpperCase() + name.slice(1);
    refused(
      group,
      `\`${upper}\` instead of \`${name}\` (names are case-sensitive)`,
      sendQuery(rename(name, upper)),
      code,
    );
  }
  refused(
    group,
    '`contenttype=JSON` (values are case-sensitive)',
    sendQuery(replace('contenttype', 'JSON')),
    ErrorCode.HTTP_PARSE_ERROR,
  );
  add(group, {
    input: '`sdkappid` twice, the right one first (the first occurrence counts)',
    command: 'markContact',
    send: sendQuery((p) => [...p, ['sdkappid', '1']]),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
  refused(
    group,
    '`sdkappid` twice, a wrong one first',
    sendQuery((p) => [['sdkappid', '1'], ...p]),
    ErrorCode.INVALID_SDKAPPID,
  );
  refused(
    group,
    '`usersig` twice, garbage first',
    sendQuery((p) => [['usersig', 'garbage'], ...p]),
    ErrorCode.USERSIG_INVALID,
  );
  refused(group, '`sdkappid=abc`', sendQuery(replace('sdkappid', 'abc')), ErrorCode.HTTP_PARSE_ERROR);
  refused(
    group,
    'a query string that is not valid percent-encoding (`identifier=%zz`)',
    sendQuery(replace('identifier', '%zz')),
    ErrorCode.HTTP_PARSE_ERROR,
  );
  refused(
    group,
    'no query string at all',
    sendQuery(() => ''),
    ErrorCode.MISSING_SDKAPPID,
  );
  for (const random of ['4294967296', '-1', '99999999999', '1.5', '0x10', '1e3']) {
    refused(
      group,
      `\`random=${random}\` (outside 0..${LIMITS.randomMax} or not an integer)`,
      sendQuery(replace('random', random)),
      ErrorCode.HTTP_PARSE_ERROR,
    );
  }
  for (const random of ['0', String(LIMITS.randomMax)]) {
    add(group, {
      input: `\`random=${random}\` (the ends of the range)`,
      command: 'markContact',
      send: sendQuery(replace('random', random)),
      code: ErrorCode.OK,
      items: [ErrorCode.OK],
      applied: GOOD_APPLIED,
    });
  }
}

// UserSig, app, admin
{
  const group = 'UserSig, app and admin';
  const base = () => ({ sdkAppId: 1400000000, identifier: 'administrator', secretKey: stub.secretKey });
  const cases: [string, () => string, number][] = [
    ['`usersig=garbage` (cannot be decoded)', () => 'garbage', ErrorCode.USERSIG_INVALID],
    [
      'a valid UserSig cut in half',
      () => stub.adminUserSig.slice(0, stub.adminUserSig.length >> 1),
      ErrorCode.USERSIG_INVALID,
    ],
    [
      'a UserSig that expired',
      () => sign({ ...base(), expireSeconds: 10, now: 1_000_000 }),
      ErrorCode.USERSIG_EXPIRED,
    ],
    [
      'a UserSig signed with another key',
      () => sign({ ...base(), secretKey: 'not-the-key' }),
      ErrorCode.USERSIG_SIGNATURE,
    ],
    [
      'a UserSig of another identifier',
      () => sign({ ...base(), identifier: 'user0' }),
      ErrorCode.USERSIG_IDENTIFIER,
    ],
    [
      'a UserSig of another SDKAppID',
      () => sign({ ...base(), sdkAppId: OTHER_APP, secretKey: 'the-other-apps-key' }),
      ErrorCode.USERSIG_SDKAPPID,
    ],
  ];
  for (const [input, usersig, code] of cases) {
    refused(group, input, () => sendQuery(replace('usersig', usersig()))(), code);
  }
  refused(
    group,
    'an unknown app (`sdkappid=1400009999`)',
    sendQuery(replace('sdkappid', '1400009999')),
    ErrorCode.INVALID_SDKAPPID,
  );
  refused(
    group,
    'a valid UserSig of an account that is not an App admin',
    () => sendQuery((p) => replace('usersig', stub.userSig('user0'))(replace('identifier', 'user0')(p)))(),
    ErrorCode.ADMIN_REQUIRED,
  );
}

// Unknown paths, wrong methods, content types
{
  const group = 'Paths, methods and content types';
  const body = JSON.stringify({ From_Account: 'user0', MarkItem: [GOOD] });
  for (const path of [
    '/v4/recentcontact/nope',
    '/',
    '/v4/recentcontact/mark_contact/',
    '/V4/recentcontact/mark_contact',
    '/v4/recentcontact/mark_contact%00',
    '/__stubx/health',
  ]) {
    add(group, {
      input: `path \`${path}\``,
      command: undefined,
      send: () => post(path, goodQuery(), body),
      code: ErrorCode.UNKNOWN_RESOURCE,
    });
  }
  add(group, {
    input: 'path `/v4/recentcontact/../recentcontact/mark_contact` (dot segments are not resolved)',
    command: undefined,
    send: () =>
      rawExchange((socket) =>
        socket.write(
          `POST /v4/recentcontact/../recentcontact/mark_contact?${queryString(goodQuery())} HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        ),
      ),
    code: ErrorCode.UNKNOWN_RESOURCE,
  });
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    add(group, {
      input: `method ${method}`,
      command: 'markContact',
      send: () => post(COMMANDS.markContact, goodQuery(), method === 'GET' ? undefined : body, method),
      code: ErrorCode.SERVICE_TIMEOUT,
    });
  }
  add(group, {
    input: 'Content-Type `text/plain` on a valid JSON body (the body is read as JSON whatever its type)',
    command: 'markContact',
    send: sendBody('markContact', body, 'text/plain'),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
  add(group, {
    input: 'not HTTP at all (`NOT-HTTP`)',
    command: undefined,
    send: () => rawExchange((socket) => socket.write('NOT-HTTP\r\n\r\n')),
    code: ErrorCode.HTTP_PARSE_ERROR,
    closes: true,
  });
  add(group, {
    input: 'headers over 16 KiB',
    command: undefined,
    send: () =>
      rawExchange((socket) => socket.write(requestHead('markContact', `X-Big: ${'a'.repeat(20_000)}\r\n`))),
    code: ErrorCode.SERVICE_TIMEOUT,
    closes: true,
  });
}

// HTTP that is unusual but must still be understood, and keys named like prototype members
{
  const group = 'Unusual HTTP and prototype-named keys';
  const body = JSON.stringify({ From_Account: 'user0', MarkItem: [GOOD] });
  add(group, {
    input: '`Expect: foo` (only `100-continue` is an expectation HTTP/1.1 defines)',
    command: undefined,
    send: () =>
      rawExchange((socket) =>
        socket.write(
          `${requestHead('markContact', `Expect: foo\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`)}${body}`,
        ),
      ),
    code: ErrorCode.HTTP_PARSE_ERROR,
    closes: true,
  });
  add(group, {
    input: 'an absolute-form request target `POST http://host/v4/recentcontact/mark_contact?… HTTP/1.1`',
    command: 'markContact',
    send: () =>
      rawExchange((socket) =>
        socket.write(
          `POST http://console.tim.qq.com${COMMANDS.markContact}?${queryString(goodQuery())} HTTP/1.1\r\nHost: console.tim.qq.com\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        ),
      ),
    code: ErrorCode.OK,
    items: [ErrorCode.OK],
    applied: GOOD_APPLIED,
  });
  for (const name of ['__proto__', 'constructor']) {
    itemApplied(
      group,
      `To_Account \`${name}\` (a valid UserID)`,
      { OptType: 1, ContactItem: { Type: 1, To_Account: name }, SetMark: [1] },
      { StandardMark: '1' },
    );
  }
}

// Slow clients
{
  const group = `Slow clients (timeouts here: headers ${HEADERS_TIMEOUT_MS} ms, whole request ${REQUEST_TIMEOUT_MS} ms)`;
  add(group, {
    input: 'headers trickled one byte every 50 ms, never finished; another client is served meanwhile',
    command: undefined,
    send: sendSlow('headers'),
    code: ErrorCode.SERVICE_TIMEOUT,
    closes: true,
  });
  add(group, {
    input: 'a body trickled one byte every 50 ms, never finished; another client is served meanwhile',
    command: undefined,
    send: sendSlow('body'),
    code: ErrorCode.SERVICE_TIMEOUT,
    closes: true,
  });
  add(group, {
    input:
      'no `sdkappid`, and a body that never comes: answered at once from the URL, then the connection is cut off by the request timeout',
    command: 'markContact',
    send: () =>
      rawExchange((socket) =>
        socket.write(
          `POST ${COMMANDS.markContact}?usersig=x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{`,
        ),
      ),
    code: ErrorCode.MISSING_SDKAPPID,
    closes: true,
  });
}

// One request's cost is bounded (issue 14 rows 3 and 4)
{
  const group = "One request's cost is bounded (the count before the items, at most 64 positions a list)";
  const empties = (n: number) => `{"From_Account":"user0","MarkItem":[${Array(n).fill('{}').join(',')}]}`;
  refused(
    group,
    '30,000 empty MarkItems (90 KB): the count is checked before any item',
    sendBody('markContact', empties(30_000)),
    ErrorCode.MARK_ITEM_COUNT,
  );
  refused(
    group,
    `empty MarkItems up to the body limit (${Math.floor((BODY_LIMIT - 40) / 3).toLocaleString('en-US')}): more than ${MAX_VALUES.toLocaleString('en-US')} JSON values, refused before parsing`,
    sendBody('markContact', empties(Math.floor((BODY_LIMIT - 40) / 3))),
    ErrorCode.INVALID_JSON,
  );
  refused(
    group,
    'one item with 50,000 SetMark and 50,000 ClearMark entries (200 KB): more JSON values than the budget',
    mark([bits({ SetMark: Array(50_000).fill(1), ClearMark: Array(50_000).fill(2) })]),
    ErrorCode.INVALID_JSON,
  );
  itemFails(
    group,
    'one item with 20,000 SetMark and 20,000 ClearMark entries (within the budget): 50002 before they are read',
    bits({ SetMark: Array(20_000).fill(1), ClearMark: Array(20_000).fill(2) }),
    ErrorCode.INVALID_PARAMETER,
  );
  itemFails(
    group,
    'SetMark of 65 entries (one more than there are positions)',
    bits({ SetMark: Array.from({ length: 65 }, (_, i) => (i % 64) + 1) }),
    ErrorCode.INVALID_PARAMETER,
  );
  itemApplied(
    group,
    'SetMark of 64 entries, every position once',
    {
      ...bits({ SetMark: Array.from({ length: 64 }, (_, i) => i + 1) }),
      ContactItem: { Type: 1, To_Account: 'all' },
    },
    { StandardMark: String(2n ** 64n - 1n) },
  );
}

// ---------------------------------------------------------------------------------------------
// Running a row

type Marks = Record<string, { Type: number; To_Account?: string; ToGroupId?: string }[]>;

function conversationKey(entry: { Type: number; To_Account?: string; ToGroupId?: string }): string {
  return `${entry.Type}:${entry.To_Account ?? entry.ToGroupId}`;
}

/** The state without user0's conversations named in `keys` and without the accounts named. */
function without(state: StubState, keys: string[], accounts: string[]): StubState {
  const copy = structuredClone(state);
  const app = copy.apps.find((a) => a.sdkAppId === 1400000000);
  if (app === undefined) throw new Error('no app 1400000000 in the exported state');
  const marks = app.marks as Marks;
  if (marks.user0 !== undefined) {
    marks.user0 = marks.user0.filter((entry) => !keys.includes(conversationKey(entry)));
    if (marks.user0.length === 0) delete marks.user0;
  }
  app.accounts = app.accounts.filter((id) => !accounts.includes(id));
  return copy;
}

async function runRow(row: Row): Promise<void> {
  await stub.control.reset();
  // Something to lose: a baseline mark that every row must leave alone.
  const baseline = await post(
    COMMANDS.markContact,
    goodQuery(),
    JSON.stringify({
      From_Account: 'user0',
      MarkItem: [
        { OptType: 3, ContactItem: { Type: 1, To_Account: 'baseline' }, SetMark: [1], CustomMark: 'keep' },
        { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'team' }, SetMark: [2] },
      ],
    }),
  );
  expect(JSON.parse(baseline.text).ErrorCode).toBe(0);
  const before = await stub.control.exportState();

  const reply = await row.send();

  expect(reply.status, reply.text).toBe(200);
  expect(reply.contentType).toMatch(/^application\/json/);
  const answer = JSON.parse(reply.text) as Answer;
  expectValidAnswer(row.command, answer);
  expect(answer.ErrorCode, answer.ErrorInfo).toBe(row.code);
  expect(answer.ActionStatus).toBe(row.code === ErrorCode.OK ? 'OK' : 'FAIL');
  if (row.code !== ErrorCode.OK) expect(answer.ErrorInfo).not.toBe('');
  const results = (answer.ResultItem as { ResultCode: number }[] | undefined)?.map((r) => r.ResultCode);
  if (row.items !== undefined) expect(results).toEqual(row.items);
  else expect(results).toBeUndefined();
  if (row.closes === true) expect(reply.closed).toBe(true);

  const after = await stub.control.exportState();
  const applied = row.applied ?? {};
  const accounts = row.accountsAdded ?? [];
  // Everything but the expected changes is exactly as before...
  expect(without(after, Object.keys(applied), accounts)).toEqual(
    without(before, Object.keys(applied), accounts),
  );
  // ...and the expected changes happened.
  const app = after.apps.find((a) => a.sdkAppId === 1400000000);
  const marks = (app?.marks as Marks | undefined)?.user0 ?? [];
  for (const [key, fields] of Object.entries(applied)) {
    expect(
      marks.find((entry) => conversationKey(entry) === key),
      key,
    ).toMatchObject(fields);
  }
  for (const id of accounts) expect(app?.accounts).toContain(id);
  // The stub is still serving.
  const health = await request(`${stub.url}/__stub/health`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
}

describe('bad input', () => {
  it.each(rows.map((row, i) => [`${i + 1}. ${row.group}: ${row.input}`, row] as const))(
    '%s',
    async (_, row) => {
      await runRow(row);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The doc

function describeAnswer(row: Row): string {
  const name = (code: number) =>
    code === ErrorCode.OK
      ? '0'
      : `${code} ${Object.entries(ErrorCode).find(([, c]) => c === code)?.[0] ?? ''}`;
  const head =
    row.items === undefined
      ? name(row.code)
      : `${name(row.code)}; ResultCode ${row.items.map(name).join(', ')}`;
  return row.closes === true ? `${head}; connection closed` : head;
}

/** At most 24 characters (whole code points: the doc must stay valid UTF-8). */
function shorten(text: string): string {
  const chars = [...text];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text;
}

function describeState(row: Row): string {
  const parts: string[] = [];
  const applied = Object.entries(row.applied ?? {});
  const good = applied.filter(([key]) => key === '1:good').length > 0;
  const others = applied.filter(([key]) => key !== '1:good');
  if (good)
    parts.push(
      others.length === 0 && row.items !== undefined && row.items.length > 1
        ? 'only the good item applied'
        : 'the good item applied',
    );
  for (const [key, fields] of others) {
    const values = Object.entries(fields).map(
      ([field, value]) => `${field} ${shorten(JSON.stringify(value))}`,
    );
    parts.push(`\`${shorten(JSON.stringify(key.slice(2)).slice(1, -1))}\` gets ${values.join(', ')}`);
  }
  for (const id of row.accountsAdded ?? []) parts.push(`account \`${id}\` added`);
  return parts.length === 0 ? 'unchanged' : parts.join('; ');
}

export function renderTable(): string {
  const groups = new Set(rows.map((row) => row.group)).size;
  const lines: string[] = [`${rows.length} rows in ${groups} groups.`];
  let group = '';
  rows.forEach((row, i) => {
    if (row.group !== group) {
      group = row.group;
      lines.push(
        '',
        `### ${group}`,
        '',
        '| # | input | command | answer (HTTP 200) | state after |',
        '|---|---|---|---|---|',
      );
    }
    const command = row.command === undefined ? '—' : `\`${COMMANDS[row.command].split('/').pop()}\``;
    lines.push(
      `| ${i + 1} | ${cell(row.input)} | ${command} | ${cell(describeAnswer(row))} | ${cell(describeState(row))} |`,
    );
  });
  return `${lines.join('\n').trim()}\n`;
}

const START =
  '<!-- table: generated from test/reliability/bad-input.test.ts; BAD_INPUT_DOC=write npm run test -w @tim-marks/stub-server -- bad-input -->';
const END = '<!-- end of table -->';

describe('BAD-INPUT.md', () => {
  it('lists exactly the rows of this table', () => {
    syncDocSection(START, END, renderTable());
  });
});
