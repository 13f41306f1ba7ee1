// The answers given at the store's current write generation, by question tag (http-cache.ts): a
// hundred tiles polling the same question between two writes cost one execution of it, not a
// hundred (executing a chain's thousands of findings again, only to find the same digest, held
// the event loop for every poller). A tag names the generation, so a write makes every entry
// stale at once: they are all dropped when the first tag of a newer generation is seen.

export interface KeptAnswer {
  body: string;
  /** The answer's whole tag (question and answer digests). */
  etag: string;
  contentType: string;
}

export class AnswerCache {
  private generation = '';
  private readonly answers = new Map<string, KeptAnswer>();
  private bytes = 0;

  /** @param maxBytes how many bytes of answers to keep; an answer over a quarter of it is not kept. */
  constructor(private readonly maxBytes: number) {}

  get(questionTag: string): KeptAnswer | undefined {
    return this.sameGeneration(questionTag) ? this.answers.get(questionTag) : undefined;
  }

  set(questionTag: string, answer: KeptAnswer): void {
    const size = answer.body.length;
    if (this.maxBytes === 0 || size > this.maxBytes / 4) return;
    if (!this.sameGeneration(questionTag)) {
      // A tag of an older generation (a request that began before a write) is not kept.
      if (generationOf(questionTag) < this.generation) return;
      this.clear(generationOf(questionTag));
    }
    const before = this.answers.get(questionTag);
    if (before) {
      this.answers.delete(questionTag);
      this.bytes -= before.body.length;
    }
    // Oldest first out, until the new answer fits.
    for (const [tag, kept] of this.answers) {
      if (this.bytes + size <= this.maxBytes) break;
      this.answers.delete(tag);
      this.bytes -= kept.body.length;
    }
    this.answers.set(questionTag, answer);
    this.bytes += size;
  }

  private sameGeneration(tag: string): boolean {
    return generationOf(tag) === this.generation;
  }

  private clear(generation: string): void {
    this.answers.clear();
    this.bytes = 0;
    this.generation = generation;
  }
}

/** The generation a tag W/"<generation>-…" names, padded so that tags compare in order as strings. */
const generationOf = (tag: string): string => {
  const digits = /^W\/"(\d+)-/.exec(tag)?.[1] ?? '';
  return digits.padStart(20, '0');
};
