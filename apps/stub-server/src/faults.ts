// Fault injection for the control plane. A fault applies to one command (and optionally one app),
// after authentication and the ceiling: it can delay the call and/or answer 50004 / 50005 in the
// normal envelope. `count` answers the code for the next N calls and then expires; `probability`
// answers it with that chance per call; a code with neither answers every call. latencyMs delays
// every call the fault applies to. Several faults add their latencies; the first one whose code
// fires gives the answer.
import type { ErrorCode } from '@tim-marks/types';

export type FaultCode = typeof ErrorCode.INTERNAL_ERROR | typeof ErrorCode.NETWORK_TIMEOUT;

export interface FaultSpec {
  /** The command's path (`v4/recentcontact/mark_contact`, with or without the leading slash) or operationId. */
  command: string;
  code?: FaultCode;
  count?: number;
  probability?: number;
  latencyMs?: number;
  sdkAppId?: number;
}

interface Fault {
  id: string;
  path: string;
  sdkAppId: number | undefined;
  code: FaultCode | undefined;
  remaining: number | undefined;
  probability: number | undefined;
  latencyMs: number;
}

export interface FaultDecision {
  latencyMs: number;
  code: FaultCode | undefined;
}

export class Faults {
  private list: Fault[] = [];
  private nextId = 1;

  get active(): boolean {
    return this.list.length > 0;
  }

  /** Adds a validated fault for a command path (leading slash included); answers its id. */
  add(path: string, spec: Omit<FaultSpec, 'command'>): string {
    const id = `fault-${this.nextId++}`;
    this.list.push({
      id,
      path,
      sdkAppId: spec.sdkAppId,
      code: spec.code,
      remaining: spec.count,
      probability: spec.probability,
      latencyMs: spec.latencyMs ?? 0,
    });
    return id;
  }

  /** Removes every fault, or the faults scoped to one app. */
  clear(sdkAppId?: number): void {
    this.list = sdkAppId === undefined ? [] : this.list.filter((f) => f.sdkAppId !== sdkAppId);
  }

  /** What the faults do to this call (consuming counted faults), or undefined when none applies. */
  decide(sdkAppId: number, path: string, random: () => number = Math.random): FaultDecision | undefined {
    let decision: FaultDecision | undefined;
    for (const fault of this.list) {
      if (fault.path !== path || (fault.sdkAppId !== undefined && fault.sdkAppId !== sdkAppId)) continue;
      decision ??= { latencyMs: 0, code: undefined };
      decision.latencyMs += fault.latencyMs;
      if (decision.code !== undefined || fault.code === undefined) continue;
      if (fault.remaining !== undefined) {
        if (fault.remaining > 0) {
          fault.remaining--;
          decision.code = fault.code;
        }
      } else if (fault.probability !== undefined) {
        if (random() < fault.probability) decision.code = fault.code;
      } else decision.code = fault.code;
    }
    this.list = this.list.filter((f) => f.remaining === undefined || f.remaining > 0);
    return decision;
  }
}
