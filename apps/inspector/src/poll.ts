// Live panels poll the control plane: one request at a time (the next starts after the last answer),
// paused while the tab is hidden or the page's Live switch is off.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Polled<T> {
  data: T | undefined;
  error: string | undefined;
  /** Fetches now, out of turn (after a change the page made). */
  refresh: () => void;
}

export function usePoll<T>(
  load: () => Promise<T>,
  intervalMs: number,
  live: boolean,
  key: string,
): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const kick = useRef<() => void>(() => {});

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      clearTimeout(timer);
      try {
        const answer = await loadRef.current();
        if (!stopped) {
          setData(answer);
          setError(undefined);
        }
      } catch (failure) {
        if (!stopped) setError(failure instanceof Error ? failure.message : String(failure));
      } finally {
        running = false;
      }
      if (stopped) return;
      if (again) {
        again = false;
        void run();
      } else if (live) timer = setTimeout(tick, intervalMs);
    };
    const tick = () => {
      if (document.visibilityState === 'hidden') timer = setTimeout(tick, intervalMs);
      else void run();
    };
    kick.current = () => void run();
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [intervalMs, live, key]);

  return { data, error, refresh: () => kick.current() };
}

/** Runs a change the page makes (a DELETE, a POST), then refreshes the panel; keeps its failure to show. */
export function useAction(refresh: () => void): {
  problem: string | undefined;
  act: (work: () => Promise<unknown>) => Promise<void>;
} {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    refresh();
  };
  return { problem, act };
}
