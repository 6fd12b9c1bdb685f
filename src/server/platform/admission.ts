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

  /** Resolves true once the request may start, false when it waited too long (it is out of line then). */
  enter(): Promise<boolean> {
    if (this.running < this.active) {
      this.running++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = this.line.indexOf(admit);
        if (i >= 0) this.line.splice(i, 1);
        resolve(false);
      }, this.maxWaitMs);
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

/** Puts every database-backed request through the admission line; the place is given back once the reply is done. */
export function registerAdmission(app: FastifyInstance, admission: Admission): void {
  app.addHook('onRequest', async (req, reply: FastifyReply) => {
    if (!isHeld(req.url)) return;
    if (!(await admission.enter())) {
      reply.header('retry-after', '1');
      return reply.code(503).send({ code: 'service.unavailable', message: ERRORS['service.unavailable'].message, requestId: String(req.id) });
    }
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      admission.leave();
    };
    // 'close' comes when the reply is sent or the client went away, whichever is first, on every path.
    reply.raw.once('close', leave);
    reply.raw.once('finish', leave);
  });
}
