// How the API's scripts reach one Redis node, at the least CPU per call (bench/redis.mjs measures it).
// ioredis's own path for a defined script costs, per call: an auto-pipeline (a Pipeline object, a
// promise of its own, a callback queued with nextTick), a NOSCRIPT fallback promise chained to every
// call, and a timer for the command timeout. And its auto-pipelining sends one pipeline at a time:
// commands of the next event-loop turns wait for the whole previous pipeline's replies, and the stub
// sits idle meanwhile (a third of the time in the profile, with 50 connections).
// Here instead each call is one EVALSHA command written straight to the connection, which is corked
// for the rest of the event-loop turn: every command of the turn leaves in one write (writev), in the
// order ioredis queued them, so replies still match their commands whatever else the client sends.
// Several turns' writes may be in flight at once. The timeout is one watchdog, not a timer per
// command. The API's few plain commands (SET, EXISTS) go the same way, under the same watchdog.
// A Redis Cluster client keeps ioredis's path (it routes each command to its slot's node).
import { Command, type Redis } from 'ioredis';
import type { RedisClient } from './redis-connection.js';

export interface Script {
  readonly name: string;
  readonly numberOfKeys: number;
  readonly lua: string;
  /** SHA-1 of lua, as EVALSHA names it. */
  readonly sha: string;
}

/** Runs a script with KEYS then ARGV (numberOfKeys of them are keys); the reply as ioredis gives it (strings). */
export type RunScript = (script: Script, args: (string | number)[]) => Promise<unknown>;

/** Runs one plain Redis command (`set`, `exists`…) with its arguments; the reply as ioredis gives it. */
export type RunCommand = (name: string, args: (string | number)[]) => Promise<unknown>;

export interface RedisRunner {
  script: RunScript;
  command: RunCommand;
}

const REPLY = { replyEncoding: 'utf8' as const };

/** The scripts alone (the shared ceiling needs nothing else). */
export function scriptRunner(client: RedisClient, timeoutMs: number): RunScript {
  return redisRunner(client, timeoutMs).script;
}

export function redisRunner(client: RedisClient, timeoutMs: number): RedisRunner {
  if ('nodes' in client) {
    // Cluster: the commands defined by defineCommand (auto-pipelined per node by ioredis).
    const commands = client as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>;
    return {
      script: (script, args) =>
        (commands[script.name] as (...a: (string | number)[]) => Promise<unknown>).call(client, ...args),
      command: (name, args) => client.call(name, ...args),
    };
  }
  const redis = client as Redis;
  // Commands sent and not yet seen settled, oldest first, with when they were sent. Only these are
  // kept: holding every command until a per-batch timer fired kept them alive past young-generation
  // collections, and the garbage collector's time per call tripled.
  const inFlight: Command[] = [];
  const sentAt: number[] = [];
  let head = 0;
  const dropSettled = () => {
    while (head < inFlight.length && (inFlight[head] as Command).isSettled) head++;
    if (head > 1024 && head * 2 > inFlight.length) {
      inFlight.splice(0, head);
      sentAt.splice(0, head);
      head = 0;
    }
  };
  // The command timeout: a watchdog, not a timer per command. A command unanswered for timeoutMs
  // fails (the API answers 50004); a stalled Redis is noticed within timeoutMs + a fifth of it.
  const expire = () => {
    dropSettled();
    const stale = performance.now() - timeoutMs;
    while (head < inFlight.length && (sentAt[head] as number) <= stale) {
      const command = inFlight[head] as Command;
      head++;
      if (!command.isSettled) command.reject(new Error('Command timed out'));
    }
  };
  // The check runs after the event loop's poll phase, not in the timer phase before it: when this
  // process itself was stalled (a busy CPU, a long collection), the replies Redis sent meanwhile are
  // read first, and a prompt Redis is not taken for a stalled one (it was: a spurious 50004).
  const watchdog = setInterval(() => setImmediate(expire), Math.max(1, Math.ceil(timeoutMs / 5)));
  watchdog.unref();
  redis.once('end', () => clearInterval(watchdog));
  let corked: Redis['stream'] | undefined;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    corked?.uncork();
    corked = undefined;
  };
  const send = (command: Command) => {
    if (!scheduled) {
      scheduled = true;
      if (redis.status === 'ready' && redis.stream.writable) {
        corked = redis.stream;
        corked.cork();
      }
      setImmediate(flush);
      dropSettled();
    }
    inFlight.push(command);
    sentAt.push(performance.now());
    // The client's own per-command timer is left out: the watchdog does its work.
    const timeout = redis.options.commandTimeout;
    redis.options.commandTimeout = undefined;
    try {
      redis.sendCommand(command);
    } finally {
      redis.options.commandTimeout = timeout;
    }
    return command.promise;
  };
  const runScript: RunScript = (script, args) => {
    const command = new Command('evalsha', [script.sha, script.numberOfKeys, ...args], REPLY);
    // A restarted Redis has lost its script cache: on NOSCRIPT the same call goes again as EVAL
    // (which caches the script again), settling the first command's promise. Done in its reject
    // rather than with a .catch, which would be one more promise on every call.
    const reject = command.reject;
    command.reject = (error: Error) => {
      if (!error.message.startsWith('NOSCRIPT')) return reject(error);
      const again = new Command('eval', [script.lua, script.numberOfKeys, ...args], REPLY);
      send(again).then(command.resolve, reject);
    };
    return send(command);
  };
  return { script: runScript, command: (name, args) => send(new Command(name, args, REPLY)) };
}
