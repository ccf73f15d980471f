// A deliberately small logger: one line per event on stderr, levels silent < error < warn < info < debug.
// It never receives query strings or bodies, so secret keys and UserSigs cannot reach it; the
// request line at debug level carries the path only.

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  readonly level: LogLevel;
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** True when debug lines are written (to skip building them otherwise). */
  readonly debugEnabled: boolean;
}

export type LogSink = (line: string) => void;

const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

export function createLogger(level: LogLevel, sink: LogSink = stderrSink): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (min: LogLevel, label: string) => {
    if (rank < LOG_LEVELS.indexOf(min)) return () => {};
    return (message: string) => sink(`${new Date().toISOString()} ${label} ${message}`);
  };
  return {
    level,
    error: at('error', 'ERROR'),
    warn: at('warn', 'WARN'),
    info: at('info', 'INFO'),
    debug: at('debug', 'DEBUG'),
    debugEnabled: rank >= LOG_LEVELS.indexOf('debug'),
  };
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
