// `--state-file FILE`: a snapshot (FILE, the exported state as JSON) plus an append-only journal
// (FILE.journal, one JSON line per acknowledged write). Each write is appended with fs.writeSync on
// a descriptor opened with O_APPEND before the answer is sent, so it is in the kernel when the
// client hears "OK": it survives the process being killed (kill -9), not a power loss, unless
// `--fsync` also flushes every append to the disk. On start the snapshot is loaded, the journal
// replayed (a torn last line, from a kill in the middle of a write, is ignored), then both are
// compacted: a new snapshot is written to a temp file, flushed and renamed over FILE, and the
// journal truncated. The graceful shutdown compacts the same way. Journal entries record effects
// (final values), so replaying one twice is harmless, which covers a crash between rename and truncate.
import {
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import type { Logger } from './logger.js';
import { StateError, validateState } from './state.js';
import type { JournalEntry, MemoryStore } from './store/memory.js';
import type { StubState } from './store/store.js';

export interface DurabilityOptions {
  file: string;
  store: MemoryStore;
  /** The configured apps: state of any other app found in the files is skipped. */
  sdkAppIds: readonly number[];
  logger: Logger;
  fsync: boolean;
}

export class Durability {
  private fd: number | undefined;
  readonly journalFile: string;

  private constructor(private readonly options: DurabilityOptions) {
    this.journalFile = `${options.file}.journal`;
  }

  /** Loads the snapshot, replays the journal, compacts, and starts journaling the store's writes. */
  static open(options: DurabilityOptions): Durability {
    const durability = new Durability(options);
    durability.load();
    durability.fd = openSync(
      durability.journalFile,
      constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND,
      0o600,
    );
    durability.compact();
    options.store.setWriteHook((entry) => durability.append(entry));
    return durability;
  }

  /** Appends one acknowledged write (called synchronously by the store, before the answer). */
  append(entry: JournalEntry): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    if (this.options.fsync) fsyncSync(this.fd);
  }

  /** Writes a new snapshot (temp file, flush, rename) and empties the journal. */
  compact(): void {
    const { file, store, sdkAppIds } = this.options;
    const state: StubState = { version: 1, apps: sdkAppIds.map((id) => store.exportApp(id)) };
    const temp = `${file}.tmp-${process.pid}`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    if (this.fd !== undefined) ftruncateSync(this.fd, 0);
  }

  /** Compacts and stops journaling (graceful shutdown). */
  close(): void {
    this.options.store.setWriteHook(undefined);
    this.compact();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private load(): void {
    const { file, store, logger } = this.options;
    const known = new Set(this.options.sdkAppIds);
    if (existsSync(file)) {
      let state: StubState;
      try {
        state = validateState(JSON.parse(readFileSync(file, 'utf8')));
      } catch (error) {
        const why =
          error instanceof StateError || error instanceof SyntaxError ? error.message : String(error);
        throw new Error(`state file ${file} cannot be loaded: ${why}`);
      }
      for (const app of state.apps) {
        if (known.has(app.sdkAppId)) store.importApp(app);
        else logger.warn(`state file ${file}: skipping sdkAppId ${app.sdkAppId}, which is not configured`);
      }
    }
    if (!existsSync(this.journalFile)) return;
    const lines = readFileSync(this.journalFile, 'utf8').split('\n');
    let replayed = 0;
    lines.forEach((line, i) => {
      if (line === '') return;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        if (i >= lines.length - 2) logger.warn(`${this.journalFile}: ignoring a torn last line`);
        else logger.warn(`${this.journalFile}: ignoring unreadable line ${i + 1}`);
        return;
      }
      const sdkAppId = entry.t === 'import' ? entry.s.sdkAppId : entry.a;
      if (!known.has(sdkAppId)) return;
      store.replay(entry);
      replayed++;
    });
    logger.info(`state file ${file}: snapshot loaded, ${replayed} journal entries replayed`);
  }
}
