// `--state-file FILE`: a snapshot (FILE) plus a journal (FILE.journal), both JSON lines of the records
// in store/journal-records.ts. The promise, in one sentence: an answer of success means the change is
// in the journal, whole; a write the journal cannot take answers 50004 and changes nothing, in memory
// or on disk.
//
// - Write: the store hands each write's effect to append() BEFORE changing memory. The line is written
//   at the journal's known end (positional writes, looping over short writes); if any part fails, the
//   file is cut back to that end and the store is told by an exception (WriteFailed), so memory is
//   left as it was. A later record is therefore never glued to a partial one. `--fsync` adds an fsync
//   per write (survives power loss); without it a write survives kill -9, not a power loss.
// - Start: FILE.lock is taken (a second stub refuses, naming the holder's PID); leftover temp files
//   of a killed compaction are removed; FILE then the journal are streamed line by line (no
//   whole-file string). A torn last journal line (a kill mid-write) is cut. Any other bad line stops
//   the start naming file:line, unless --set-aside-corrupt-state moves the bad file aside (renamed,
//   never deleted) and starts from its good records. Apps in the files that are not configured stop
//   the start (naming them) unless --drop-unconfigured-apps. Nothing on disk changes before those
//   decisions.
// - Compaction: the state is written as records to FILE.tmp-PID, flushed, renamed over FILE, and the
//   journal emptied. At start, at a graceful stop, and while running whenever the journal passes
//   journalLimitBytes (default 64 MiB), so the journal stays under that bound plus one event-loop
//   turn of writes. Journal records are effects (final values), so a record replayed over a snapshot
//   that already holds it (a kill between rename and truncate) changes nothing.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from './logger.js';
import { StateLock } from './state-lock.js';
import { appOf, recordsOf } from './store/journal-records.js';
import type { JournalEntry, MemoryStore } from './store/memory.js';
import { WriteFailed } from './store/store.js';

export const DEFAULT_JOURNAL_LIMIT_BYTES = 64 * 1024 * 1024;
/** A line longer than this is not one the stub writes (its largest, an import, is under the control plane's body limit). */
const MAX_LINE_BYTES = 256 * 1024 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;

/** The file operations of the write path, replaceable in tests to inject a failing disk. */
export interface JournalIo {
  writeSync(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
}

const NODE_IO: JournalIo = { writeSync, fsyncSync, ftruncateSync };

export interface DurabilityOptions {
  file: string;
  store: MemoryStore;
  /** The configured apps. */
  sdkAppIds: readonly number[];
  logger: Logger;
  fsync: boolean;
  /** Compact while running once the journal reaches this size. Default 64 MiB. */
  journalLimitBytes?: number;
  /** Start even though the files hold apps that are not configured; their data is dropped. */
  dropUnconfiguredApps?: boolean;
  /** A bad record moves its file aside (kept) instead of stopping the start. */
  setAsideCorruptState?: boolean;
  io?: Partial<JournalIo>;
}

/** The state file cannot be used as it is; the message names the file (and line) and what to do. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

interface BadLine {
  line: number;
  reason: string;
}

interface ReadResult {
  /** Bytes up to the end of the last complete line. */
  goodEnd: number;
  /** A last line without its newline (journal only): its line number and size. */
  torn?: { line: number; bytes: number };
  bad: BadLine[];
}

export class Durability {
  private fd: number | undefined;
  /** The journal's length: where the next record goes, and what a failed write is cut back to. */
  private size = 0;
  /** A failed write could not be cut back: writes are refused until it can. */
  private broken = false;
  private compactAt: number;
  private compactionQueued = false;
  private readonly io: JournalIo;
  private readonly limit: number;
  readonly journalFile: string;

  private constructor(
    private readonly options: DurabilityOptions,
    private readonly lock: StateLock,
  ) {
    this.journalFile = `${options.file}.journal`;
    this.io = { ...NODE_IO, ...options.io };
    this.limit = options.journalLimitBytes ?? DEFAULT_JOURNAL_LIMIT_BYTES;
    this.compactAt = this.limit;
  }

  /** Takes the lock, loads the state, repairs and compacts, and starts journaling the store's writes. */
  static open(options: DurabilityOptions): Durability {
    const { file } = options;
    mkdirSync(dirname(file), { recursive: true });
    const durability = new Durability(options, StateLock.acquire(file));
    try {
      durability.start();
    } catch (error) {
      durability.lock.release();
      if (durability.fd !== undefined) closeSync(durability.fd);
      throw error;
    }
    return durability;
  }

  private start(): void {
    const { file, logger, store, sdkAppIds } = this.options;
    removeTemps(file);
    const known = new Set(sdkAppIds);
    const unknown = new Set<number>();
    const apply = (entry: JournalEntry) => {
      const app = appOf(entry);
      if (known.has(app)) store.replay(entry);
      else unknown.add(app);
    };
    // Read-only until every decision is made.
    const snapshot = this.read(file, true, apply);
    const journal = this.read(this.journalFile, false, apply);
    if (unknown.size > 0) {
      const list = [...unknown].sort((a, b) => a - b).join(', ');
      if (!this.options.dropUnconfiguredApps) {
        throw new StateFileError(
          `state file ${file} holds the state of app${unknown.size > 1 ? 's' : ''} ${list}, not configured here: ` +
            'configure them (--config), or give --drop-unconfigured-apps to start without their data (it is then removed from the file)',
        );
      }
      for (const app of unknown) store.forget(app);
      logger.warn(`state file ${file}: dropping the state of app(s) ${list} (--drop-unconfigured-apps)`);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    if (snapshot.bad.length > 0) this.setAside(file, `${file}.corrupt-${stamp}`, snapshot.bad);
    let journalSetAside = false;
    if (journal.bad.length > 0) {
      this.setAside(this.journalFile, `${this.journalFile}.corrupt-${stamp}`, journal.bad);
      journalSetAside = true;
    }
    this.fd = openSync(this.journalFile, constants.O_RDWR | constants.O_CREAT, 0o600);
    this.size = journalSetAside ? 0 : journal.goodEnd;
    if (journal.torn !== undefined && !journalSetAside) {
      ftruncateSync(this.fd, this.size);
      logger.warn(
        `${this.journalFile}:${journal.torn.line}: cut a torn last line (${journal.torn.bytes} bytes, a write interrupted by a kill; it was never acknowledged)`,
      );
    }
    try {
      this.compact();
    } catch (error) {
      // The state is whole in the files as they are, unless a bad file was just set aside.
      if (snapshot.bad.length > 0 || journalSetAside) throw error;
      logger.warn(
        `state file ${file}: could not compact at start (${describe(error)}); the journal keeps every write`,
      );
    }
    store.setWriteHook((entry) => this.append(entry));
    logger.info(
      `state file ${file}: snapshot and journal loaded; the journal is compacted past ${this.limit} bytes`,
    );
  }

  private setAside(from: string, to: string, bad: BadLine[]): void {
    renameSync(from, to);
    this.options.logger.warn(
      `${from}: ${bad.length} bad record(s) skipped (first at line ${bad[0]?.line}: ${bad[0]?.reason}); the file is kept as ${to}`,
    );
  }

  /** Appends one write's effect, whole, or throws WriteFailed with the file as it was. */
  append(entry: JournalEntry): void {
    const fd = this.fd;
    if (fd === undefined) return;
    const { io } = this;
    if (this.broken) {
      try {
        io.ftruncateSync(fd, this.size);
        this.broken = false;
      } catch (error) {
        throw new WriteFailed(`the journal cannot be written (${describe(error)})`);
      }
    }
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    let written = 0;
    try {
      while (written < line.length) {
        written += io.writeSync(fd, line, written, line.length - written, this.size + written);
      }
      if (this.options.fsync) io.fsyncSync(fd);
    } catch (error) {
      try {
        io.ftruncateSync(fd, this.size);
      } catch {
        this.broken = true;
      }
      throw new WriteFailed(`the journal could not take the write (${describe(error)})`);
    }
    this.size += line.length;
    if (this.size >= this.compactAt && !this.compactionQueued) {
      this.compactionQueued = true;
      setImmediate(() => this.compactWhileRunning());
    }
  }

  private compactWhileRunning(): void {
    this.compactionQueued = false;
    if (this.fd === undefined) return;
    try {
      this.compact();
      this.compactAt = this.limit;
    } catch (error) {
      // The journal still holds everything; try again after another quarter of the bound.
      this.compactAt = this.size + Math.ceil(this.limit / 4);
      this.options.logger.warn(
        `${this.options.file}: compaction failed (${describe(error)}); the journal keeps every write`,
      );
    }
  }

  /** Writes the whole state to a temp file, flushes it, renames it over FILE, and empties the journal. */
  compact(): void {
    const { file, store, sdkAppIds } = this.options;
    const { io } = this;
    const temp = `${file}.tmp-${process.pid}`;
    let fd: number | undefined = openSync(temp, 'w', 0o600);
    try {
      let position = 0;
      let pending: string[] = [];
      let pendingLength = 0;
      const flush = () => {
        const buffer = Buffer.from(pending.join(''));
        let written = 0;
        while (written < buffer.length) {
          written += io.writeSync(fd as number, buffer, written, buffer.length - written, position + written);
        }
        position += buffer.length;
        pending = [];
        pendingLength = 0;
      };
      for (const sdkAppId of sdkAppIds) {
        for (const entry of store.snapshotRecords(sdkAppId)) {
          const line = `${JSON.stringify(entry)}\n`;
          pending.push(line);
          pendingLength += line.length;
          if (pendingLength >= READ_CHUNK_BYTES) flush();
        }
      }
      flush();
      io.fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, file);
      syncDirectory(dirname(file));
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // Never created.
      }
      throw error;
    }
    if (this.fd !== undefined) {
      // If this fails the journal keeps records the snapshot already holds: replaying them is harmless.
      io.ftruncateSync(this.fd, 0);
      this.size = 0;
      this.broken = false;
    }
  }

  /** Compacts and stops journaling (graceful shutdown); never throws: a failed compaction leaves the journal whole. */
  close(): void {
    this.options.store.setWriteHook(undefined);
    try {
      this.compact();
    } catch (error) {
      this.options.logger.warn(
        `${this.options.file}: could not compact at stop (${describe(error)}); the journal keeps every write for the next start`,
      );
    }
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.lock.release();
  }

  /** Stops without compacting (the stub could not start after all). */
  release(): void {
    this.options.store.setWriteHook(undefined);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.lock.release();
  }

  /**
   * Streams a file of records line by line into `apply`. `tailIsRecord`: a last line without a newline
   * is a record (the snapshot; the first format had none), else it is a torn write (the journal).
   */
  private read(path: string, tailIsRecord: boolean, apply: (entry: JournalEntry) => void): ReadResult {
    const result: ReadResult = { goodEnd: 0, bad: [] };
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return result;
      throw new StateFileError(`${path} cannot be read: ${describe(error)}`);
    }
    let line = 0;
    const handle = (bytes: Buffer) => {
      line++;
      if (bytes.length === 0) return;
      let reason: string;
      try {
        const records = recordsOf(JSON.parse(bytes.toString('utf8')));
        if (typeof records !== 'string') {
          for (const entry of records) apply(entry);
          return;
        }
        reason = records;
      } catch (error) {
        reason = error instanceof SyntaxError ? `not JSON (${error.message})` : describe(error);
      }
      if (!this.options.setAsideCorruptState) {
        throw new StateFileError(
          `${path}:${line}: bad record: ${reason}. The start stops so that nothing is lost: repair or remove that line, ` +
            'or give --set-aside-corrupt-state to move the file aside (it is kept) and start from its good records',
        );
      }
      result.bad.push({ line, reason });
    };
    try {
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      let parts: Buffer[] = [];
      let partBytes = 0;
      let position = 0;
      const total = fstatSync(fd).size;
      while (position < total) {
        const n = readSync(fd, chunk, 0, chunk.length, position);
        if (n === 0) break;
        position += n;
        const view = chunk.subarray(0, n);
        let start = 0;
        for (;;) {
          const newline = view.indexOf(10, start);
          if (newline < 0) {
            if (start < n) {
              parts.push(Buffer.from(view.subarray(start)));
              partBytes += n - start;
              if (partBytes > MAX_LINE_BYTES) {
                throw new StateFileError(
                  `${path}:${line + 1}: a line longer than ${MAX_LINE_BYTES} bytes is not a record`,
                );
              }
            }
            break;
          }
          const piece = view.subarray(start, newline);
          const bytes = parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
          parts = [];
          partBytes = 0;
          handle(bytes);
          result.goodEnd += bytes.length + 1;
          start = newline + 1;
        }
      }
      if (partBytes > 0) {
        if (tailIsRecord) {
          handle(Buffer.concat(parts));
          result.goodEnd += partBytes;
        } else result.torn = { line: line + 1, bytes: partBytes };
      }
    } finally {
      closeSync(fd);
    }
    return result;
  }
}

/** Temp files of a compaction cut short by a kill (ours: we hold the lock). */
function removeTemps(file: string): void {
  const prefix = `${basename(file)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix)) unlinkSync(join(dirname(file), name));
  }
}

/** Makes a rename durable (the directory entry), where the platform allows it. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported everywhere (and not needed for a kill -9).
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
}
