// CONNECT: the stub as the HTTPS_PROXY of a service whose SDK fixes the Tencent host. A CONNECT to a
// Tencent API host on 443 (TENCENT_API_HOSTS) or to the stub's own port on a loopback name is
// answered `200 Connection Established`, and the tunnel is then served by the stub itself: it
// terminates TLS with its own certificate (which covers those hosts) and answers the requests as if
// they had come straight in. The stub never opens a connection anywhere, so it cannot be an open
// proxy: every other target is refused with 403 and a reason code.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isLoopback } from './defaults.js';
import type { Logger } from './logger.js';
import { TENCENT_API_HOSTS, TENCENT_API_PORT } from './tencent-hosts.js';

/** Stable reason codes of a refused CONNECT (the first word of the 403 body; documented in the README). */
export const CONNECT_REFUSALS = {
  /** The target is neither a Tencent API host on 443 nor this stub. */
  notTencentHost: 'connect-refused-host',
  /** A Tencent API host, but the stub runs without --tls and cannot terminate TLS for it. */
  needsTls: 'connect-needs-tls',
  /** The CONNECT target is not `host:port`. */
  badTarget: 'connect-bad-target',
} as const;

export interface ConnectTarget {
  host: string;
  port: number;
}

/** `host:port` or `[v6]:port` (the only form CONNECT allows), lower-cased; undefined when malformed. */
export function parseConnectTarget(authority: string): ConnectTarget | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:/?#@[\]]+)):([0-9]{1,5})$/.exec(authority);
  if (match === null) return undefined;
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return undefined;
  return { host: (match[1] ?? (match[2] as string)).toLowerCase().replace(/\.$/, ''), port };
}

export interface ConnectOptions {
  /** The port the stub listens on: CONNECT to it on a loopback name is served by the stub. */
  ownPort: () => number;
  /** True when the stub holds a certificate (--tls): only then can it serve the Tencent hosts. */
  tls: boolean;
  logger: Logger;
  /** Serves an accepted tunnel: TLS or plain HTTP, whichever the client speaks. */
  serve: (socket: Duplex) => void;
}

/** The `connect` listener of the stub's HTTP (and HTTPS) server. */
export function connectHandler(options: ConnectOptions) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // The socket is the handler's from here on; a client that resets it must not crash the stub.
    socket.on('error', () => socket.destroy());
    const authority = req.url ?? '';
    const target = parseConnectTarget(authority);
    if (target === undefined) {
      refuse(
        socket,
        400,
        CONNECT_REFUSALS.badTarget,
        `CONNECT needs host:port, got ${JSON.stringify(authority)}`,
      );
      return;
    }
    const region = target.port === TENCENT_API_PORT ? TENCENT_API_HOSTS.get(target.host) : undefined;
    const self = isLoopback(target.host) && target.port === options.ownPort();
    if (region === undefined && !self) {
      options.logger.warn(
        `CONNECT ${authority} refused: the stub serves only the Tencent API hosts on 443 and itself`,
      );
      refuse(
        socket,
        403,
        CONNECT_REFUSALS.notTencentHost,
        `the stub answers CONNECT only for the Tencent IM API hosts on port ${TENCENT_API_PORT} (${[...TENCENT_API_HOSTS.keys()].join(', ')}) and for itself; it is not a general proxy (put other hosts in NO_PROXY)`,
      );
      return;
    }
    if (region !== undefined && !options.tls) {
      refuse(
        socket,
        403,
        CONNECT_REFUSALS.needsTls,
        `${target.host} is a Tencent IM API host (${region}), but the stub runs without --tls and cannot serve HTTPS for it: start it with --tls`,
      );
      return;
    }
    if (options.logger.debugEnabled) {
      options.logger.debug(`CONNECT ${authority} served by the stub${region ? ` (region ${region})` : ''}`);
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    options.serve(socket);
  };
}

function refuse(socket: Duplex, status: 400 | 403, code: string, message: string): void {
  const body = `${code}: ${message}\n`;
  const reason = status === 400 ? 'Bad Request' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
