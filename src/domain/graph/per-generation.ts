import type { AuditEntry } from '../../register/audit.js';
import type { StorePort } from '../../store/port.js';

/**
 * Whole-graph answers remembered per store and key until the store's write generation changes
 * (or, for answers that name the sections they read, until a write touches one of them):
 * a dashboard asking again gets the answer at once, and an import, by this process or another
 * (the CLI into the server's data directory), makes the next ask compute afresh. Asks that arrive
 * while an answer is being computed share that computation; a failed one is not kept.
 */
export class PerGeneration<T> {
  private readonly byStore = new WeakMap<
    StorePort,
    { generation: number; answers: Map<string, Promise<T>> }
  >();

  /**
   * @param keep how many keys (dates, say) to remember per store; the one asked longest ago goes first.
   * @param sections when given, the answers read only these sections of the register (such as
   * `entrustments`): they outlive writes whose revisions (audit entries) touched none of them.
   */
  constructor(
    private readonly keep: number,
    private readonly sections: readonly string[] | null = null,
  ) {}

  /**
   * `compute` is given the generation read before it: what it reads should be of it.
   * @param asked the generation the asker read when its request began, where it read one: an
   * answer remembered for it serves without reading the generation again (on Neo4j, a round trip
   * each, and a leaf's blast radius asked three).
   */
  async get(
    store: StorePort,
    key: string,
    compute: (generation: number) => Promise<T>,
    asked?: Promise<number>,
  ): Promise<T> {
    // Read before computing: a write that lands meanwhile leaves this answer under the older
    // generation, so the next ask recomputes rather than keeping a stale answer. A generation
    // read when the request began was read before computing too.
    let generation = await (asked ?? store.generation());
    let entry = this.byStore.get(store);
    // Answers of a newer generation than the asker saw stay for newer asks: this one reads anew.
    if (asked !== undefined && entry !== undefined && entry.generation > generation)
      generation = await store.generation();
    if (
      entry &&
      entry.generation !== generation &&
      (await this.untouched(store, entry.generation, generation))
    )
      entry.generation = generation;
    // Asks that arrived together each waited above: the first to get here set the entry for
    // this generation, and the others take it rather than compute the same answer again.
    entry = this.byStore.get(store);
    if (!entry || entry.generation !== generation)
      this.byStore.set(store, (entry = { generation, answers: new Map() }));
    const answers = entry.answers;
    let answer = answers.get(key);
    if (answer) {
      // Most recently asked last, so the key asked longest ago is the one to go.
      answers.delete(key);
      answers.set(key, answer);
    } else {
      answer = compute(generation);
      answers.set(key, answer);
      if (answers.size > this.keep) answers.delete(answers.keys().next().value!);
      const kept = answer;
      answer.catch(() => {
        if (answers.get(key) === kept) answers.delete(key);
      });
    }
    return answer;
  }

  /**
   * Whether every write after `from` up to `to` left this answer's sections alone, by the
   * revisions their audit entries keep (written in each write's own transaction, so they are all
   * there once the generation is). A write with no entry, or whose lists were cut, may have
   * touched anything; so may a long run of writes, which is not read.
   */
  private async untouched(store: StorePort, from: number, to: number): Promise<boolean> {
    if (this.sections === null || to < from || to - from > MAX_WRITES_READ) return false;
    const entries = await writesBetween(store, from, to);
    for (let g = from + 1; g <= to; g++) {
      const entry = entries.get(String(g));
      if (!entry) return false;
      const r = entry.revision;
      // A write without a revision (an API key) changes no register record.
      if (!r) continue;
      if (r.counts) return false;
      const ids = [...r.added, ...r.changed, ...r.retired, ...r.removed];
      if (ids.some((id) => this.sections!.some((s) => id.startsWith(`${s}/`)))) return false;
    }
    return true;
  }
}

/**
 * One object per store and generation that asks add to as they go (what walks read, what they
 * learned, the parties read), made empty again when a write touches one of `sections`.
 * @returns the object of `store`'s generation; `asked` as PerGeneration.get takes it.
 */
export function keptPerGeneration<T>(
  sections: readonly string[],
  empty: () => T,
): (store: StorePort, asked?: Promise<number>) => Promise<T> {
  const kept = new PerGeneration<T>(1, sections);
  return (store, asked) => kept.get(store, '', async () => empty(), asked);
}

// After a write every remembered answer asks what it touched: they share one reading of the
// audit log up to the newest generation, whichever answers (and sections) ask; an answer older
// than what was read asks for the longer stretch.
const logsRead = new WeakMap<
  StorePort,
  { to: number; writes: number; entries: Promise<Map<string, AuditEntry>> }
>();

function writesBetween(
  store: StorePort,
  from: number,
  to: number,
): Promise<Map<string, AuditEntry>> {
  const writes = to - from;
  let read = logsRead.get(store);
  if (read === undefined || read.to !== to || read.writes < writes) {
    const entries = store.auditLog(writes, null).then((log) => new Map(log.map((e) => [e.id, e])));
    logsRead.set(store, (read = { to, writes, entries }));
    // A failed reading is not kept: the next ask reads again.
    entries.catch(() => {
      if (logsRead.get(store)?.entries === entries) logsRead.delete(store);
    });
  }
  return read.entries;
}

// Past this many writes since the answer, it is computed afresh rather than the log read.
const MAX_WRITES_READ = 50;
