// Adversarial request bodies, each as large as the body limit allows (1 MiB by default): the shapes
// that made a single request expensive before the rules were bounded (issue 14 rows 3 and 4) and the
// others an attacker would try next. Used by bench/worst.mjs (CPU per request) and by the regression
// test (test/reliability/bounded-cost.test.ts), which checks each one's answer code.

export const BODY_LIMIT = 1024 * 1024;

const GOOD = { OptType: 1, ContactItem: { Type: 1, To_Account: 'good' }, SetMark: [5] };

/** `prefix + unit × n + suffix` with the largest n that keeps the body within `limit`. */
function fill(prefix, unit, suffix, limit, separator = ',') {
  const room = limit - prefix.length - suffix.length;
  const n = Math.floor((room + separator.length) / (unit.length + separator.length));
  return prefix + Array(n).fill(unit).join(separator) + suffix;
}

/** A JSON string literal filling the rest of the body. */
function longString(prefix, suffix, limit, ch = 'a') {
  return `${prefix}"${ch.repeat(limit - prefix.length - suffix.length - 2)}"${suffix}`;
}

/**
 * Every shape: `name`, `command`, the body text, and the answer it must get: `code` (the ErrorCode)
 * and, for mark_contact answered 0, `items` (the ResultCode of each item, or of the first ones).
 */
export function worstShapes(limit = BODY_LIMIT) {
  const mark = (items) => `{"From_Account":"user0","MarkItem":[${items}]}`;
  const shapes = [
    {
      name: 'MarkItem of empty objects up to the limit (issue 14 row 3)',
      command: 'markContact',
      body: fill('{"From_Account":"user0","MarkItem":[', '{}', ']}', limit),
      code: 60003,
    },
    {
      name: 'MarkItem of 30,000 empty objects (90 KB, issue 14 row 3 as filed)',
      command: 'markContact',
      body: mark(Array(30_000).fill('{}').join(',')),
      code: 51006,
    },
    {
      name: 'MarkItem of small numbers up to the limit',
      command: 'markContact',
      body: fill('{"From_Account":"user0","MarkItem":[', '0', ']}', limit),
      code: 60003,
    },
    {
      name: 'one item, 50k SetMark + 50k ClearMark (issue 14 row 4 as filed)',
      command: 'markContact',
      body: mark(
        JSON.stringify({
          OptType: 1,
          ContactItem: { Type: 1, To_Account: 'x' },
          SetMark: Array.from({ length: 50_000 }, (_, i) => (i % 64) + 1),
          ClearMark: Array.from({ length: 50_000 }, (_, i) => (i % 64) + 1),
        }),
      ),
      code: 60003,
    },
    {
      name: 'one item, 32k SetMark + 32k ClearMark (just within the value budget)',
      command: 'markContact',
      body: mark(
        JSON.stringify({
          OptType: 1,
          ContactItem: { Type: 1, To_Account: 'x' },
          SetMark: Array.from({ length: 32_700 }, (_, i) => (i % 64) + 1),
          ClearMark: Array.from({ length: 32_700 }, (_, i) => (i % 64) + 1),
        }),
      ),
      code: 0,
      items: [50002],
    },
    {
      name: 'one item, SetMark of positions up to the limit',
      command: 'markContact',
      body: fill(
        '{"From_Account":"user0","MarkItem":[{"OptType":1,"ContactItem":{"Type":1,"To_Account":"x"},"SetMark":[',
        '1',
        ']}]}',
        limit,
      ),
      code: 60003,
    },
    {
      name: '100 items, each SetMark + ClearMark of 64 distinct positions, no clash but the last',
      command: 'markContact',
      body: mark(
        Array.from({ length: 100 }, (_, i) =>
          JSON.stringify({
            OptType: 3,
            ContactItem: { Type: 1, To_Account: `u${i}` },
            SetMark: Array.from({ length: 64 }, (_, p) => p + 1).filter((p) => p % 2 === 1 || p === 64),
            ClearMark: Array.from({ length: 64 }, (_, p) => p + 1).filter((p) => p % 2 === 0),
            CustomMark: '好'.repeat(85),
          }),
        ).join(','),
      ),
      code: 0,
      items: [50002, 50002],
    },
    {
      name: '100 valid items padded with unknown fields up to the limit',
      command: 'markContact',
      body: (() => {
        const pad = Math.floor(limit / 100) - 200;
        return mark(
          Array.from(
            { length: 100 },
            (_, i) =>
              `{"OptType":1,"ContactItem":{"Type":1,"To_Account":"p${i}"},"SetMark":[2],"x":"${'a'.repeat(pad)}"}`,
          ).join(','),
        );
      })(),
      code: 0,
      items: [0, 0],
    },
    {
      name: '100 items, each ContactItem with thousands of unknown keys',
      command: 'markContact',
      body: (() => {
        const keys = Math.floor(limit / 100 / 12) - 10;
        const extra = Array.from({ length: keys }, (_, k) => `"k${k}":0`).join(',');
        return mark(
          Array.from(
            { length: 100 },
            (_, i) => `{"OptType":1,"ContactItem":{${extra},"Type":3,"To_Account":"k${i}"},"SetMark":[2]}`,
          ).join(','),
        );
      })(),
      code: 60003,
    },
    {
      name: 'the body with 8,000 unknown keys (just within the member budget)',
      command: 'markContact',
      body: `{"From_Account":"user0","MarkItem":[${JSON.stringify(GOOD)}],${Array.from({ length: 8_000 }, (_, k) => `"key${k}":${k}`).join(',')}}`,
      code: 0,
      items: [0],
    },
    {
      name: 'the body with unknown keys up to the limit',
      command: 'markContact',
      body: (() => {
        const head = `{"From_Account":"user0","MarkItem":[${JSON.stringify(GOOD)}],`;
        let n = 0;
        const parts = [];
        let size = head.length + 1;
        for (;;) {
          const part = `"k${n}":0`;
          if (size + part.length + 1 > limit) break;
          parts.push(part);
          size += part.length + 1;
          n++;
        }
        return `${head}${parts.join(',')}}`;
      })(),
      code: 60003,
    },
    {
      name: 'From_Account a string up to the limit',
      command: 'markContact',
      body: longString('{"MarkItem":[{}],"From_Account":', '}', limit),
      code: 50002,
    },
    {
      name: 'CustomMark a string of 3-byte characters up to the limit',
      command: 'markContact',
      body: (() => {
        const prefix =
          '{"From_Account":"user0","MarkItem":[{"OptType":2,"ContactItem":{"Type":1,"To_Account":"x"},"CustomMark":"';
        return `${prefix}${'好'.repeat(Math.floor((limit - prefix.length - 4) / 3))}"}]}`;
      })(),
      code: 0,
      items: [50002],
    },
    {
      name: 'To_Account escaped characters (\\u597d) up to the limit',
      command: 'markContact',
      body: (() => {
        const prefix =
          '{"From_Account":"user0","MarkItem":[{"OptType":1,"SetMark":[1],"ContactItem":{"Type":1,"To_Account":"';
        return `${prefix}${'\\u597d'.repeat(Math.floor((limit - prefix.length - 5) / 6))}"}}]}`;
      })(),
      code: 0,
      items: [50002],
    },
    {
      name: 'objects nested 64 levels deep, repeated up to the limit',
      command: 'markContact',
      body: (() => {
        const deep = `${'{"a":'.repeat(62)}0${'}'.repeat(62)}`;
        return fill(`{"From_Account":"user0","MarkItem":[${JSON.stringify(GOOD)}],"x":[`, deep, ']}', limit);
      })(),
      code: 60003,
    },
    {
      name: 'arrays nested deeper than 64 levels, up to the limit',
      command: 'markContact',
      body: (() => {
        const depth = Math.floor((limit - 10) / 2);
        return `{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      })(),
      code: 60003,
    },
    {
      name: 'multiaccount_import Accounts of short strings up to the limit',
      command: 'multiaccountImport',
      body: fill('{"Accounts":[', '"a"', ']}', limit),
      code: 60003,
    },
    {
      name: 'multiaccount_import 100 Accounts of long strings up to the limit',
      command: 'multiaccountImport',
      body: `{"Accounts":[${Array.from({ length: 100 }, (_, i) => `"${String(i).padEnd(Math.floor(limit / 100) - 8, 'a')}"`).join(',')}]}`,
      code: 0,
    },
    {
      name: 'get_contact_group StartIndex of a million digits',
      command: 'getContactGroup',
      body: `{"From_Account":"user0","StartIndex":1${'0'.repeat(limit - 40)}}`,
      code: 50002,
    },
  ];
  for (const shape of shapes) {
    if (Buffer.byteLength(shape.body) > limit) throw new Error(`${shape.name}: over the limit`);
  }
  return shapes;
}

/** A normal request: one item, as most callers send. */
export const NORMAL_BODY = JSON.stringify({
  From_Account: 'user0',
  MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1] }],
});
