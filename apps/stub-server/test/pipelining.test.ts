// Answers are written together at the end of the event loop's turn (src/answer-batch.ts). Each
// request must still get its own answer, in the order the connection sent them: a batch that paired
// an answer with the wrong response fails here (node:http itself keeps a pipelined connection's order).
import { once } from 'node:events';
import { connect } from 'node:net';
import { ErrorCode } from '@tim-marks/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { type Answer, c2c, readAnswers, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());

function post(path: string, body: string): string {
  return `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Sends every request in one write on one connection; answers the parsed answers, in arrival order. */
async function pipeline(requests: string[]): Promise<Answer[]> {
  const url = new URL(stub.url);
  const socket = connect(Number(url.port), url.hostname);
  await once(socket, 'connect');
  const answers = readAnswers(socket, requests.length);
  socket.write(requests.join(''));
  return answers;
}

describe('answer order', () => {
  it('answers pipelined requests of one connection in the order they were sent', async () => {
    const mark = stub.commandUrl('markContact').slice(stub.url.length);
    const read = stub.commandUrl('getContactGroup').slice(stub.url.length);
    const expected: ((answer: Answer) => void)[] = [];
    const requests: string[] = [];
    for (let i = 0; i < 60; i++) {
      if (i % 10 === 3) {
        requests.push(post(mark, '{"From_Account":'));
        expected.push((a) => expect(a.ErrorCode).toBe(ErrorCode.INVALID_JSON));
      } else if (i % 10 === 7) {
        requests.push(post(`/v4/recentcontact/no_such_command${mark.slice(mark.indexOf('?'))}`, '{}'));
        expected.push((a) => expect(a.ErrorCode).toBe(ErrorCode.UNKNOWN_RESOURCE));
      } else if (i % 10 === 9) {
        requests.push(post(read, JSON.stringify({ From_Account: 'user9', StartIndex: 0 })));
        expected.push((a) => expect([a.ErrorCode, a.ContactItem]).toEqual([0, []]));
      } else {
        requests.push(post(mark, JSON.stringify({ From_Account: 'user0', MarkItem: [c2c(`peer${i}`)] })));
        expected.push((a) =>
          expect((a.ResultItem as { ContactItem: { To_Account: string } }[])[0]?.ContactItem.To_Account).toBe(
            `peer${i}`,
          ),
        );
      }
    }
    const answers = await pipeline(requests);
    expect(answers).toHaveLength(requests.length);
    for (const [i, answer] of answers.entries()) expected[i]?.(answer);
  });
});
