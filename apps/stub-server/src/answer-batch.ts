// API answers are written together at the end of the event loop's turn (its check phase), in the
// order they became ready, rather than each as soon as it is ready. Under load one turn reads the
// requests of many connections; writing their answers back to back, after all the reads, means the
// client is woken once per turn instead of once per answer, and the reads and the writes each run
// hot: with it the kernel's send path per answer fell below the bare server's (BENCHMARKS.md, with
// the before/after of `bench:compare`). A lone request waits only for the end of its own
// turn: microseconds. Each connection still answers its requests in order (node:http queues a
// pipelined connection's answers itself).
import type { ServerResponse } from 'node:http';

export type WriteAnswer = (res: ServerResponse, text: string, close: boolean) => void;

export class AnswerBatch {
  private responses: ServerResponse[] = [];
  private texts: string[] = [];
  private closes: boolean[] = [];
  private scheduled = false;

  constructor(
    private readonly write: WriteAnswer,
    /** Read at write time: a shutdown that began meanwhile still closes the connection. */
    private readonly closing: () => boolean,
  ) {}

  add(res: ServerResponse, text: string, close: boolean): void {
    this.responses.push(res);
    this.texts.push(text);
    this.closes.push(close);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  private readonly flush = (): void => {
    const { responses, texts, closes } = this;
    // New answers queued while writing (a write can run user callbacks) go to the next turn.
    this.responses = [];
    this.texts = [];
    this.closes = [];
    this.scheduled = false;
    const closing = this.closing();
    for (let i = 0; i < responses.length; i++) {
      const res = responses[i] as ServerResponse;
      if (res.writableEnded || res.destroyed) continue;
      try {
        this.write(res, texts[i] as string, (closes[i] as boolean) || closing);
      } catch {
        // The connection broke while being written: the others are still owed their answers.
        res.destroy();
      }
    }
  };
}
