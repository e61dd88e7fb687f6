const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  /** Lets hot paths skip building a message nobody will see. */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * One line per event. Callers pass what is safe to print: request logs carry method, path (no query
 * string, which holds signatures; secret segments redacted by loggablePath), status and duration,
 * never headers or bodies.
 */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const threshold = LEVELS[level];
  const log = (at: Exclude<LogLevel, 'silent'>) => (message: string) => {
    if (LEVELS[at] >= threshold) write(`${new Date().toISOString()} ${at} ${message}\n`);
  };
  return {
    enabled: (level) => LEVELS[level] >= threshold,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
}

// Hosted checkout and card-update links carry their secret in the path: whoever reads the log could
// otherwise pay or change the card. Matched in any case, so that a mistyped request is covered too.
const SECRET_SEGMENT = /(\/sandbox\/+(?:checkout|payment-method)\/+)[^/]+/gi;

/** A request path as it may be logged: the secret segments of sandbox links replaced. */
export function loggablePath(path: string): string {
  return path.replace(SECRET_SEGMENT, '$1<redacted>');
}
