/**
 * Errors with stable codes, in the manner of Fastify's `lib/errors.js`: every error the
 * platform raises on purpose carries a `DAUYS_ERR_…` code, an HTTP status hint and a CLI
 * exit code, so one handler per surface (HTTP, bots, CLI) can map them without guessing.
 */
export const ERROR_CODES = {
  DAUYS_ERR_VALIDATION: { status: 400, exit: 2 },
  DAUYS_ERR_CONFIG: { status: 500, exit: 2 },
  /** A channel set up by halves (it would take messages and drop them): a runtime refusal, exit 1. */
  DAUYS_ERR_CHANNEL_CONFIG: { status: 500, exit: 1 },
  DAUYS_ERR_NOT_FOUND: { status: 404, exit: 2 },
  DAUYS_ERR_UNAUTHORIZED: { status: 401, exit: 2 },
  DAUYS_ERR_FORBIDDEN: { status: 403, exit: 2 },
  DAUYS_ERR_CONFLICT: { status: 409, exit: 2 },
  DAUYS_ERR_RATE_LIMITED: { status: 429, exit: 1 },
  DAUYS_ERR_PAYLOAD_TOO_LARGE: { status: 413, exit: 2 },
  DAUYS_ERR_INTERNAL: { status: 500, exit: 1 },
  /** The database cannot be reached (DATABASE_URL's host:port, or the embedded server's socket). */
  DAUYS_ERR_DATABASE_UNREACHABLE: { status: 503, exit: 1 },
  /** An embedded data dir already has its one owner (a running `dauys start`). */
  DAUYS_ERR_DATA_DIR_IN_USE: { status: 500, exit: 1 },
  /** The HTTP port is taken by another process. */
  DAUYS_ERR_PORT_IN_USE: { status: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem in an input: where it is (a JSON path, `file:line:column`, a field) and what is wrong. */
export interface InputIssue {
  where: string;
  message: string;
}

export class DauysError extends Error {
  readonly code: ErrorCode;
  readonly issues: InputIssue[];

  constructor(code: ErrorCode, message: string, issues: InputIssue[] = []) {
    super(message);
    this.name = 'DauysError';
    this.code = code;
    this.issues = issues;
  }

  get statusCode(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  /** The message followed by one line per issue, for stderr and logs. */
  describe(): string {
    return [this.message, ...this.issues.map((i) => `  ${i.where}: ${i.message}`)].join('\n');
  }
}

/** Bad input: names what and where; nothing has been changed. */
export function invalidInput(message: string, issues: InputIssue[] = []): DauysError {
  return new DauysError('DAUYS_ERR_VALIDATION', message, issues);
}

export function notFound(message: string): DauysError {
  return new DauysError('DAUYS_ERR_NOT_FOUND', message);
}

/** Turns zod issues into `InputIssue`s whose `where` is a JSON path like `$.choices[2].names.kk`. */
export function zodIssuesToInputIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = '$',
): InputIssue[] {
  return issues.map((issue) => ({
    where: issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
      prefix,
    ),
    message: issue.message,
  }));
}
