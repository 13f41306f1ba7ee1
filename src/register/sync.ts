import { z } from 'zod';
import type { IsoDate } from '../domain/dates.js';
import type { Entrustment, RegisterBatch } from '../domain/model.js';
import { BadInputError } from '../errors.js';
import type { StorePort } from '../store/port.js';

// An authoritative import for a scope: the entrustments the scope held that the document no
// longer lists are retired (ended on the import date, marked retired), never deleted, so history
// still finds them. A sync that would retire more than a share of the scope is refused unless
// forced: a truncated file or the wrong scope name must not end a whole register.

export const scopeName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/, {
  message:
    'expected a scope name of 1 to 128 letters, digits, ".", "_", "/" or "-", like takeo-city or registers/takeo.yaml',
});

export function parseScope(value: string): string {
  const parsed = scopeName.safeParse(value);
  if (!parsed.success)
    throw new BadInputError('sync', `${parsed.error.issues[0]!.message}; got "${value}"`);
  return parsed.data;
}

export interface SyncPlan {
  scope: string;
  /** Entrustments the scope held before this import. */
  held: number;
  /** Ids this import retires (or, when refused, would retire), sorted. */
  retire: string[];
  /** The share of `held` that may be retired without force, in percent. */
  limitPercent: number;
  /** True when the share is over the limit and force was not given: nothing is written. */
  refused: boolean;
}

export interface PlannedSync {
  plan: SyncPlan;
  /** The retired records as they will be written. */
  retired: Entrustment[];
}

/** What the sync would do on the store as it is now. */
export async function planSync(
  store: StorePort,
  scope: string,
  batch: RegisterBatch,
  date: IsoDate,
  limitPercent: number,
  force: boolean,
): Promise<PlannedSync> {
  const listed = new Set(batch.entrustments.map((e) => e.id));
  const held = await store.entrustments(await store.scopeHoldings(scope));
  const retired = held
    .filter((e) => !listed.has(e.id))
    .map((e) => retire(e, date))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const over = held.length > 0 && (retired.length * 100) / held.length > limitPercent;
  return {
    plan: {
      scope,
      held: held.length,
      retire: retired.map((e) => e.id),
      limitPercent,
      refused: over && !force,
    },
    retired,
  };
}

/**
 * Ended on `date`: an open end, or one after it, is set to it. An entrustment that had not begun
 * by then keeps its dates (it never ran; `retired` says it will not).
 */
export function retire(e: Entrustment, date: IsoDate): Entrustment {
  const began = e.from === undefined || e.from < date;
  const end = began && (e.to === undefined || e.to > date) ? date : e.to;
  return { ...e, ...(end === undefined ? {} : { to: end }), retired: true };
}

/** The refusal, as an import error a person can act on. */
export function refusalMessage(plan: SyncPlan): string {
  const share = Math.round((plan.retire.length * 1000) / plan.held) / 10;
  return `would retire ${plan.retire.length} of the ${plan.held} entrustments scope "${plan.scope}" holds (${share}%), more than the limit of ${plan.limitPercent}% (SYNC_RETIRE_LIMIT_PERCENT); nothing was written. Check the file is complete and the scope is right, or force the sync to retire: ${plan.retire.join(', ')}`;
}
