import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../shared/errors';
import { isDiskFull, noteDiskFull, noteWriteSucceeded } from './disk';
import { requestHasCommitted } from './request-state';

/** A domain error with a stable code; its HTTP status and Chinese message come from ERRORS. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: { path: string; message: string }[];
  /** Extra facts safe to show (e.g. when a locked account opens again). */
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, opts: { fields?: { path: string; message: string }[]; details?: Record<string, unknown>; message?: string } = {}) {
    super(opts.message ?? ERRORS[code].message);
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** "Not found or no access": one answer, so nobody can probe what exists in another station. */
export function notFound(): AppError {
  return new AppError('not_found');
}

function isDbUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    // 57014/55P03: PostgreSQL cancelled a statement that waited too long (statement or lock timeout);
    // its transaction rolled back, so this is "too busy", not a fault.
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '53300', '57014', '55P03', 'SQLITE_BUSY', 'SQLITE_IOERR'].includes(e?.code ?? '') ||
    /timeout exceeded when trying to connect|Connection terminated|database is locked/i.test(e?.message ?? '')
  );
}

/**
 * A constraint the database holds that a service did not check by name first (a race between two
 * requests, or a rename onto an existing name): the transaction rolled back, nothing was written, so
 * the answer is a 409 with a stable code rather than a 500. PostgreSQL's SQLSTATE or better-sqlite3's
 * extended code says which constraint kind it was.
 */
export function constraintConflict(err: unknown): 'conflict.duplicate' | 'conflict.missing_reference' | 'conflict.refused' | null {
  const code = (err as { code?: string })?.code ?? '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'conflict.duplicate';
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'conflict.missing_reference';
  // A CHECK or NOT NULL constraint, or one of the append-only triggers (PostgreSQL's RAISE EXCEPTION is P0001,
  // SQLite's RAISE(ABORT) a trigger constraint): the row broke a rule the database holds, e.g. a decided record
  // changed by a request that raced the decision.
  if (['23514', '23502', 'P0001', 'SQLITE_CONSTRAINT_CHECK', 'SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_CONSTRAINT_TRIGGER'].includes(code))
    return 'conflict.refused';
  return null;
}

/** The one place errors become HTTP responses. */
export function registerErrorHandler(app: FastifyInstance): void {
  // A write that went through after a full disk: space is back, the readiness check may say ok again.
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) noteWriteSucceeded();
  });
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const send = (status: number, body: Omit<ErrorBody, 'requestId'>) => reply.code(status).send({ ...body, requestId: String(req.id) } satisfies ErrorBody);

    if (err instanceof AppError) {
      return send(err.status, { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(err.details ?? {}) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? '格式不正确',
      }));
      const first = fields[0];
      return send(400, {
        code: 'validation.failed',
        message: first ? `${ERRORS['validation.failed'].message}（${first.path}：${first.message}）` : ERRORS['validation.failed'].message,
        fields,
      });
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return send(429, { code: 'auth.rate_limited', message: ERRORS['auth.rate_limited'].message });
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, { code: 'request.too_large', message: ERRORS['request.too_large'].message });
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send(415, { code: 'request.unsupported_type', message: ERRORS['request.unsupported_type'].message });
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe.statusCode === 400 && err instanceof SyntaxError)) {
      return send(400, { code: 'request.bad_json', message: ERRORS['request.bad_json'].message });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return send(fe.statusCode, { code: 'validation.failed', message: ERRORS['validation.failed'].message });
    }
    if (isDiskFull(err)) {
      noteDiskFull();
      req.log.error({ err }, 'disk full');
      if (requestHasCommitted()) return send(500, { code: 'service.unconfirmed', message: ERRORS['service.unconfirmed'].message });
      // Nothing was written (the transaction rolled back, the upload's file was removed); freeing space takes a person.
      reply.header('retry-after', '30');
      return send(503, { code: 'service.disk_full', message: ERRORS['service.disk_full'].message });
    }
    if (isDbUnavailable(err)) {
      req.log.error({ err }, 'database unavailable');
      // A change already committed: say so, and invite no retry that would make it twice.
      if (requestHasCommitted()) return send(500, { code: 'service.unconfirmed', message: ERRORS['service.unconfirmed'].message });
      // Nothing was written: the work never got a connection, or its transaction rolled back.
      reply.header('retry-after', '1');
      return send(503, { code: 'service.unavailable', message: ERRORS['service.unavailable'].message });
    }
    const constraint = constraintConflict(err);
    if (constraint && !requestHasCommitted()) {
      req.log.warn({ err }, 'constraint refused a write');
      return send(409, { code: constraint, message: ERRORS[constraint].message });
    }
    if (isResponseSerializationError(err)) req.log.error({ err: err.cause }, 'response did not match its schema');
    else req.log.error({ err }, 'unhandled error');
    return send(500, { code: 'internal', message: ERRORS.internal.message });
  });
}
