// k6 has a console (it writes to k6's log), but @types/k6 leaves `console` to the DOM lib, which would
// also declare fetch, window and the rest that k6 does not have. Declare only what k6 provides.
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
