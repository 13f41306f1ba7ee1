import type { FastifyReply } from 'fastify';

// The askers of one question that arrive while it is being executed, right after a write: they
// wait for the first one's answer (kept by answer-cache.ts) rather than each executing it again.
// Fifty pollers completing and serialising a chain's thousands of findings at once held the event
// loop for everyone, and a dashboard's 304s on Neo4j waited tens of milliseconds behind them.

interface Flight {
  landed: Promise<void>;
  land: () => void;
}

export class AnswerFlights {
  private readonly flying = new Map<string, Flight>();

  /**
   * The flight of this question tag under way, to wait for; or null, and this reply's request is
   * the flight, which lands when land() is called or its response ends, whatever happened to it.
   */
  joinOrStart(questionTag: string, reply: FastifyReply): Promise<void> | null {
    const under = this.flying.get(questionTag);
    if (under) return under.landed;
    let resolve!: () => void;
    const landed = new Promise<void>((r) => (resolve = r));
    const flight: Flight = {
      landed,
      land: () => {
        if (this.flying.get(questionTag) === flight) this.flying.delete(questionTag);
        resolve();
      },
    };
    this.flying.set(questionTag, flight);
    // 'close' comes when a connection is cut before the response ends, too.
    reply.raw.once('finish', flight.land);
    reply.raw.once('close', flight.land);
    return null;
  }

  /** The question's answer is kept, or will not be: whoever waits for it goes on. */
  land(questionTag: string): void {
    this.flying.get(questionTag)?.land();
  }
}
