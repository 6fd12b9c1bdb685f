import type { FastifyInstance, FastifyReply } from 'fastify';
import { ERRORS } from '../../shared/errors';

/**
 * Admission control: at most `active` requests do database work at once; the rest wait in line, in
 * order. A request that has waited `maxWaitMs` without starting is answered 503 with Retry-After —
 * it has done nothing, so a retry cannot make anything twice — instead of queueing for a connection
 * until a client gives up on a request that may still commit. So under a burst every request gets an
 * answer within about maxWaitMs plus its own work (issue 12: "every request gets an HTTP answer
 * within 6 s"). Health checks and static files are never held.
 */
export class Admission {
  private running = 0;
  private readonly line: Array<() => void> = [];

  constructor(
    readonly active: number,
    readonly maxWaitMs: number,
  ) {}

  /**
   * Resolves true once the request may start, false when it waited too long or `gone` aborted (the
   * client went away) first; either way it is out of line then. Admitted, the caller owes one `leave()`.
   */
  enter(gone?: AbortSignal): Promise<boolean> {
    if (gone?.aborted) return Promise.resolve(false);
    if (this.running < this.active) {
      this.running++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const out = () => {
        clearTimeout(timer);
        gone?.removeEventListener('abort', quit);
        const i = this.line.indexOf(admit);
        if (i >= 0) this.line.splice(i, 1);
      };
      const admit = () => {
        out();
        resolve(true);
      };
      const quit = () => {
        // Already handed the place (admit ran): the promise has resolved true and the caller leaves.
        if (!this.line.includes(admit)) return;
        out();
        resolve(false);
      };
      const timer = setTimeout(quit, this.maxWaitMs);
      gone?.addEventListener('abort', quit, { once: true });
      this.line.push(admit);
    });
  }

  /** Hands the place to the next in line (the count of running requests stays), or frees it. */
  leave(): void {
    const next = this.line.shift();
    if (next) next();
    else this.running--;
  }

  get waiting(): number {
    return this.line.length;
  }

  get busy(): number {
    return this.running;
  }
}

const HELD = ['/api/', '/open311/', '/ical/'];
const NEVER_HELD = ['/api/health', '/api/live'];

function isHeld(url: string): boolean {
  return HELD.some((p) => url.startsWith(p)) && !NEVER_HELD.some((p) => url === p || url.startsWith(`${p}?`));
}

/**
 * Puts every database-backed request through the admission line; the place is given back once the
 * reply is done or the client is gone, whichever is first. A client that goes away while waiting
 * leaves the line; one that went away just as it was admitted gives the place straight back and its
 * request does not start. (Listening for the close only after admission missed the clients that left
 * while waiting: their places were never given back, and a burst whose clients gave up wedged the
 * server, every later request waiting its 4 s for a 503.)
 */
export function registerAdmission(app: FastifyInstance, admission: Admission): void {
  app.addHook('onRequest', async (req, reply: FastifyReply) => {
    if (!isHeld(req.url)) return;
    const gone = new AbortController();
    let admitted = false;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      admission.leave();
    };
    // 'close' comes when the reply is sent or the client went away, whichever is first, on every path.
    const done = () => {
      gone.abort();
      if (admitted) leave();
    };
    reply.raw.once('close', done);
    reply.raw.once('finish', done);
    const ok = await admission.enter(gone.signal);
    if (ok) admitted = true;
    if (ok && gone.signal.aborted) leave();
    if (!ok || gone.signal.aborted) {
      // To a client that is gone this writes nothing; to one that waited too long it says when to retry.
      reply.header('retry-after', '1');
      return reply.code(503).send({ code: 'service.unavailable', message: ERRORS['service.unavailable'].message, requestId: String(req.id) });
    }
  });
}
