import type { StorePort } from '../../store/port.js';

/**
 * Whole-graph answers remembered per store and key until the store's write generation changes:
 * a dashboard asking again gets the answer at once, and an import, by this process or another
 * (the CLI into the server's data directory), makes the next ask compute afresh. Asks that arrive
 * while an answer is being computed share that computation; a failed one is not kept.
 */
export class PerGeneration<T> {
  private readonly byStore = new WeakMap<
    StorePort,
    { generation: number; answers: Map<string, Promise<T>> }
  >();

  /** @param keep how many keys (dates, say) to remember per store; the one asked longest ago goes first. */
  constructor(private readonly keep: number) {}

  async get(store: StorePort, key: string, compute: () => Promise<T>): Promise<T> {
    // Read before computing: a write that lands meanwhile leaves this answer under the older
    // generation, so the next ask recomputes rather than keeping a stale answer.
    const generation = await store.generation();
    let entry = this.byStore.get(store);
    if (!entry || entry.generation !== generation)
      this.byStore.set(store, (entry = { generation, answers: new Map() }));
    const answers = entry.answers;
    let answer = answers.get(key);
    if (answer) {
      // Most recently asked last, so the key asked longest ago is the one to go.
      answers.delete(key);
      answers.set(key, answer);
    } else {
      answer = compute();
      answers.set(key, answer);
      if (answers.size > this.keep) answers.delete(answers.keys().next().value!);
      const kept = answer;
      answer.catch(() => {
        if (answers.get(key) === kept) answers.delete(key);
      });
    }
    return answer;
  }
}
