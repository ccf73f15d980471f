// The state file's lock: FILE.lock, created exclusively, holding the PID of the stub that owns the
// state. Two stubs appending to one journal each believe they own it and lose each other's writes at
// the next compaction, so a second stub refuses to start and names the holder. A lock whose PID is no
// longer running (the holder was killed) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class StateFileInUse extends Error {
  override name = 'StateFileInUse';
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that PID: it runs.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StateLock {
  private constructor(readonly path: string) {}

  /** Takes the lock of `stateFile`, or throws StateFileInUse naming the holder's PID. */
  static acquire(stateFile: string): StateLock {
    const path = `${stateFile}.lock`;
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        try {
          writeSync(fd, `${process.pid}\n`);
        } finally {
          closeSync(fd);
        }
        return new StateLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      }
      let text = '';
      try {
        text = readFileSync(path, 'utf8').trim();
      } catch {
        // Released between our open and our read: try again.
      }
      const pid = Number(text);
      if (Number.isInteger(pid) && pid > 0 && running(pid)) {
        throw new StateFileInUse(
          `state file ${stateFile} is in use by process ${pid}${pid === process.pid ? ' (this process: another stub in it)' : ''} ` +
            `(lock ${path}); stop that stub first, or delete ${path} if PID ${pid} is no stub`,
        );
      }
      try {
        unlinkSync(path);
      } catch {
        // Someone else took it over first: the next open decides.
      }
    }
  }

  release(): void {
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone.
    }
  }
}
