// AnswerBatch: answers queued during one turn of the event loop are written at its end, in order.
import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AnswerBatch } from '../src/answer-batch.js';

function response(name: string, state: { writableEnded?: boolean; destroyed?: boolean } = {}) {
  const res = { name, writableEnded: false, destroyed: false, ...state, destroy: () => {} };
  return res as unknown as ServerResponse & { name: string };
}

describe('AnswerBatch', () => {
  it('writes nothing during the turn, then every answer in the order it was added', async () => {
    const written: string[] = [];
    const batch = new AnswerBatch(
      (res, text, close) =>
        written.push(`${(res as { name: string } & ServerResponse).name}:${text}:${close}`),
      () => false,
    );
    batch.add(response('a'), '1', false);
    batch.add(response('b'), '2', true);
    batch.add(response('c'), '3', false);
    expect(written).toEqual([]);
    await nextTurn();
    expect(written).toEqual(['a:1:false', 'b:2:true', 'c:3:false']);
  });

  it('skips answers whose connection ended or broke meanwhile, and goes on after a failed write', async () => {
    const written: string[] = [];
    let destroyed = 0;
    const batch = new AnswerBatch(
      (res) => {
        const { name } = res as { name: string } & ServerResponse;
        if (name === 'throws') throw new Error('EPIPE');
        written.push(name);
      },
      () => false,
    );
    const failing = response('throws');
    (failing as unknown as { destroy: () => void }).destroy = () => destroyed++;
    batch.add(response('ended', { writableEnded: true }), 'x', false);
    batch.add(failing, 'x', false);
    batch.add(response('gone', { destroyed: true }), 'x', false);
    batch.add(response('ok'), 'x', false);
    await nextTurn();
    expect(written).toEqual(['ok']);
    expect(destroyed).toBe(1);
  });

  it('closes the connection of every answer written once a shutdown began', async () => {
    let closing = false;
    const closes: boolean[] = [];
    const batch = new AnswerBatch(
      (_res, _text, close) => closes.push(close),
      () => closing,
    );
    batch.add(response('a'), 'x', false);
    closing = true;
    await nextTurn();
    expect(closes).toEqual([true]);
  });

  it('answers queued while writing go out in the next turn, not lost', async () => {
    const written: string[] = [];
    const batch: AnswerBatch = new AnswerBatch(
      (res) => {
        const { name } = res as { name: string } & ServerResponse;
        written.push(name);
        if (name === 'first') batch.add(response('queued-while-writing'), 'x', false);
      },
      () => false,
    );
    batch.add(response('first'), 'x', false);
    await nextTurn();
    expect(written).toEqual(['first']);
    await nextTurn();
    expect(written).toEqual(['first', 'queued-while-writing']);
  });
});
