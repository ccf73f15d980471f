// Calls to the API under test, and the checks every answer must pass.
import type { CommandBodies, MarkContactAnswer, ResponseEnvelope } from '@tim-marks/types';
import { check } from 'k6';
import http, { type RefinedResponse } from 'k6/http';
import { Counter } from 'k6/metrics';
import { type CommandName, ErrorCode, RATE_LIMITED } from '../../shared/plan.ts';
import { commandPaths } from '../../shared/request.ts';
import type { RunConfig } from './config.ts';

/** Calls admitted by the limiter (any answer but 60007), tagged by command, phase and second of the run. */
export const callsAccepted = new Counter('calls_accepted');
/** Calls answered 60007. */
export const callsRefused = new Counter('calls_refused');

export type Target = Pick<RunConfig, 'baseUrl' | 'sdkAppId' | 'identifier' | 'userSig'>;

const paths = new Map<Target, (command: CommandName) => string>();

export function commandUrl(target: Target, command: CommandName): string {
  let path = paths.get(target);
  if (!path) {
    path = commandPaths(target);
    paths.set(target, path);
  }
  return `${target.baseUrl}${path(command)}`;
}

export interface Answer<C extends CommandName> {
  status: number;
  body: Partial<CommandBodies[C]['response']> | undefined;
  durationMs: number;
  /** k6's error when the call failed below HTTP (status 0). */
  error: string;
}

/** One line about an answer, for failure messages. */
export function describeAnswer(answer: Answer<CommandName>): string {
  if (answer.status === 0) return answer.error || 'no answer';
  return `HTTP ${answer.status} ${answer.body ? JSON.stringify(answer.body) : '(no JSON body)'}`;
}

function parse(res: RefinedResponse<'text'>): unknown {
  try {
    return typeof res.body === 'string' ? JSON.parse(res.body) : undefined;
  } catch {
    return undefined;
  }
}

export function isRefused(answer: Answer<CommandName>): boolean {
  return answer.body?.ErrorCode === RATE_LIMITED;
}

/**
 * Posts one command, parses its answer and counts it as accepted or refused. `tags` go on the HTTP
 * metrics; `countTags` only on the counters (per-second tags would multiply the HTTP series).
 */
export function call<C extends CommandName>(
  target: Target,
  command: C,
  body: CommandBodies[C]['request'],
  tags: Record<string, string> = {},
  countTags: Record<string, string> = {},
): Answer<C> {
  const res = http.post(commandUrl(target, command), JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json' },
    tags: { name: command, command, ...tags },
    responseType: 'text',
  });
  const answer: Answer<C> = {
    status: res.status,
    body: parse(res) as Answer<C>['body'],
    durationMs: res.timings.duration,
    error: res.error,
  };
  if (answer.status === 200 && typeof answer.body?.ErrorCode === 'number') {
    (isRefused(answer) ? callsRefused : callsAccepted).add(1, { command, ...tags, ...countTags });
  }
  return answer;
}

function envelope(answer: Answer<CommandName>): Partial<ResponseEnvelope> {
  return answer.body ?? {};
}

/** Checks that a command answered success; with `refusalAllowed`, 60007 counts as a correct answer too. */
export function checkAnswer<C extends CommandName>(
  command: C,
  request: CommandBodies[C]['request'],
  answer: Answer<C>,
  refusalAllowed: boolean,
): boolean {
  const refused = isRefused(answer);
  const okOrRefused = refusalAllowed
    ? `${command}: OK or 60007 with HTTP 200`
    : `${command}: ActionStatus OK, ErrorCode 0, HTTP 200`;
  const checks: Record<string, (a: Answer<C>) => boolean> = {
    [okOrRefused]: (a) =>
      a.status === 200 &&
      ((envelope(a).ActionStatus === 'OK' && envelope(a).ErrorCode === ErrorCode.OK) ||
        (refusalAllowed && refused && envelope(a).ActionStatus === 'FAIL')),
  };
  if (command === 'markContact' && !refused) {
    const items = (request as CommandBodies['markContact']['request']).MarkItem;
    checks['markContact: one ResultItem per MarkItem, every ResultCode 0'] = (a) => {
      const results = (a.body as Partial<MarkContactAnswer> | undefined)?.ResultItem ?? [];
      return results.length === items.length && results.every((item) => item.ResultCode === ErrorCode.OK);
    };
  }
  if (refused) {
    checks['60007 answers FAIL with its ErrorInfo'] = (a) =>
      envelope(a).ActionStatus === 'FAIL' && typeof envelope(a).ErrorInfo === 'string';
  }
  return check(answer, checks);
}
