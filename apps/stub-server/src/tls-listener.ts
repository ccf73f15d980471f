// One port, both protocols: with --tls the stub's port answers HTTPS and plain HTTP alike, told
// apart by the first byte a client sends (a TLS record starts with 0x16, an HTTP request with a
// letter). So `https://127.0.0.1:PORT` works as a base URL while `HTTPS_PROXY=http://127.0.0.1:PORT`
// reaches the CONNECT proxy on the same port, and the tunnels CONNECT opens are dispatched the same
// way. The HTTPS server never listens itself: it is handed the sockets the HTTP server accepted.
import type { Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { DEFAULT_CIPHERS } from 'node:tls';
import type { TlsMaterial } from './tls-material.js';

/** The first byte of a TLS handshake record (ContentType handshake). */
const TLS_HANDSHAKE = 0x16;

export interface DualProtocol {
  readonly tlsServer: HttpsServer;
  /** Serves a connection (accepted, or a CONNECT tunnel) in whichever protocol its first byte says. */
  serve(socket: Duplex): void;
  /**
   * For shutdown: stops the TLS side's timeout checks, closes its idle connections and cuts those
   * still in their handshake (they carry no request).
   */
  close(): void;
  /** Cuts every TLS connection (when the shutdown's grace period is over). */
  closeAllConnections(): void;
}

/**
 * Makes `server` (an HTTP server, configured but not yet listening) accept TLS too, with the same
 * limits, timeouts and `request`, `checkExpectation`, `clientError` and `connect` listeners. A client's first byte is
 * awaited at most headersTimeout, as its headers are.
 */
export function acceptTlsToo(server: Server, material: Pick<TlsMaterial, 'cert' | 'key'>): DualProtocol {
  const sniffTimeoutMs = server.headersTimeout;
  const tlsServer = createHttpsServer({
    requestTimeout: server.requestTimeout,
    headersTimeout: server.headersTimeout,
    connectionsCheckingInterval: (server as Server & { connectionsCheckingInterval: number })
      .connectionsCheckingInterval,
    requireHostHeader: (server as Server & { requireHostHeader: boolean }).requireHostHeader,
    maxHeaderSize: (server as Server & { maxHeaderSize: number }).maxHeaderSize,
    cert: material.cert,
    key: material.key,
    ALPNProtocols: ['http/1.1'],
    minVersion: 'TLSv1.2',
    // AES-128-GCM first: as safe for this use and cheaper per byte than Node's default AES-256.
    ciphers: `TLS_AES_128_GCM_SHA256:${DEFAULT_CIPHERS}`,
    honorCipherOrder: true,
    // A handed-over socket does not notice a client that hangs up mid-handshake (one that
    // refuses the certificate, say): the handshake timeout is what frees it, so keep it short.
    handshakeTimeout: sniffTimeoutMs,
  });
  for (const event of ['request', 'checkExpectation', 'clientError', 'connect'] as const) {
    for (const listener of server.listeners(event))
      tlsServer.on(event, listener as (...args: unknown[]) => void);
  }
  const handshaking = new Set<Duplex>();
  tlsServer.on('secureConnection', (tlsSocket: { _parent?: Duplex }) => {
    if (tlsSocket._parent !== undefined) handshaking.delete(tlsSocket._parent);
  });
  tlsServer.maxHeadersCount = server.maxHeadersCount;
  tlsServer.keepAliveTimeout = server.keepAliveTimeout;
  // node:http starts checking request and header timeouts when a server starts listening; this
  // one never listens, so it is told.
  tlsServer.emit('listening');

  const plainListeners = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  const servePlain = (socket: Duplex) => {
    for (const listener of plainListeners) listener.call(server, socket as Socket);
  };

  const serve = (socket: Duplex) => {
    const timer = setTimeout(() => socket.destroy(), sniffTimeoutMs);
    const onClose = () => clearTimeout(timer);
    // Until a server owns the socket, a reset must not become an unhandled 'error'.
    const onError = () => socket.destroy();
    socket.once('close', onClose);
    socket.on('error', onError);
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      socket.off('close', onClose);
      socket.pause();
      socket.unshift(chunk);
      // The TLS server wraps the socket and listens to its wrapper only: the guard stays.
      if (chunk[0] === TLS_HANDSHAKE) {
        handshaking.add(socket);
        socket.once('close', () => handshaking.delete(socket));
        tlsServer.emit('connection', socket);
      } else {
        socket.off('error', onError);
        servePlain(socket);
        socket.resume();
      }
    });
  };
  server.on('connection', serve);
  return {
    tlsServer,
    serve,
    close: () => {
      // It never listened: close() only stops its timeout checks and closes its idle connections.
      tlsServer.close(() => {});
      for (const socket of handshaking) socket.destroy();
    },
    closeAllConnections: () => tlsServer.closeAllConnections(),
  };
}
