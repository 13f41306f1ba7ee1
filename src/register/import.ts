import type { Register, RegisterBatch } from '../domain/model.js';
import { revisionOf } from './audit.js';
import { WriteConflictError } from '../errors.js';
import type { StorePort } from '../store/port.js';
import { auditDraft, batchChanges, importSummary } from './audit-summary.js';
import { JsonLineFinder } from './json-lines.js';
import { FAST_YAML_FROM, LineFinder, parseRegisterText } from './parse.js';
import { yamlLines } from './yaml-lines.js';
import type { PathSegment, Problem } from './problems.js';
import type { DocumentUnderCheck } from './document-under-check.js';
import { resolveReferences } from './resolve.js';
import { planSync, refusalMessage, type SyncPlan } from './sync.js';
import { SECTIONS, validateRegister } from './validate.js';
import type { Place } from './sheets/from-sheets.js';
import { readSheetSource, type SheetSource } from './sheets/read.js';

/** The share of a scope a sync may retire without force, when the caller does not say. */
export const DEFAULT_RETIRE_LIMIT_PERCENT = 20;
/** A write planned on a store that another write changed is planned again, this many times. */
const WRITE_ATTEMPTS = 5;

export interface RegisterInput {
  /** A YAML or JSON document; empty when `sheets` holds the register. */
  text: string;
  /** Named in problems when several files are checked or imported together. */
  file?: string;
  /** A register as a workbook or CSV directory: its problems are placed by sheet, row and column. */
  sheets?: SheetSource;
}

export interface ImportOptions {
  /** Validate and resolve only; write nothing. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Who imports, for the audit entry written with the import ('system' when not said). */
  actor?: string;
  /** The audit entry's action: importRegister (GraphQL), import (CLI) … */
  action?: string;
  /** Authoritative for this scope (a name checked with parseScope): what it held and the documents omit is retired. */
  sync?: string;
  /** Retire even more than `retireLimitPercent` of the scope. */
  force?: boolean;
  retireLimitPercent?: number;
  /** The time of the import: the audit entry's and, as a UTC date, the day retired entrustments end. */
  now?: Date;
}

export interface ImportReport {
  ok: boolean;
  sources: number;
  parties: number;
  entrustments: number;
  incidents: number;
  errors: Problem[];
  warnings: Problem[];
  /** With `sync`: what the sync retires, or would (also on a dry run, and when refused). */
  sync?: SyncPlan;
  /** The revision (audit entry id) the import wrote; absent when nothing was written. */
  revision?: string;
}

/** Imports one register document: an atomic upsert by id, or nothing and every error. */
export function importRegister(
  store: StorePort,
  text: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importRegisters(store, [{ text }], options);
}

/** Checks register files with no store: references must resolve within the files themselves. */
export function checkRegisters(inputs: readonly RegisterInput[]): Promise<ImportReport> {
  return importRegisters(null, inputs, { dryRun: true });
}

/**
 * Several documents are one import: they may refer to each other, and either all of them are
 * written, in one transaction, or none.
 */
export async function importRegisters(
  store: StorePort | null,
  inputs: readonly RegisterInput[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { report, batch } = await readRegisters(store, inputs);
  if (batch !== null && store !== null) await write(store, batch, options, report);
  return report;
}

/**
 * Parses, validates and resolves documents against `store` (or, without one, against each other
 * only): the report, and the batch they make when nothing is wrong (null otherwise).
 */
export async function readRegisters(
  store: StorePort | null,
  inputs: readonly RegisterInput[],
): Promise<{ report: ImportReport; batch: RegisterBatch | null }> {
  const report: ImportReport = {
    ok: false,
    sources: 0,
    parties: 0,
    entrustments: 0,
    incidents: 0,
    errors: [],
    warnings: [],
  };
  const checked: Array<
    DocumentUnderCheck & {
      text: string;
      json: boolean;
      value: unknown;
      register: Register | null;
      place?: (at: PathSegment[]) => Place;
    }
  > = [];
  let invalid = false;
  for (const input of inputs) {
    const parsed = input.sheets
      ? await readSheets(input.sheets, input.file, report)
      : parseRegisterText(input.text);
    if (!parsed.ok) {
      invalid = true;
      report.errors.push(...parsed.problems.map((p) => withFile(p, input.file)));
      continue;
    }
    countSections(report, parsed.value);
    const { register, loose, errors, warnings } = validateRegister(parsed.value);
    if (register === null) invalid = true;
    checked.push({
      register,
      loose,
      errors,
      warnings,
      text: input.text,
      json: parsed.json,
      value: parsed.value,
      ...(input.file === undefined ? {} : { file: input.file }),
      ...('place' in parsed ? { place: parsed.place } : {}),
    });
  }
  // References are resolved even in invalid documents (read leniently), so one run reports
  // every error that can be known.
  await resolveReferences(checked, store);
  for (const doc of checked) {
    if (doc.place) {
      const placed = (p: { at: PathSegment[]; path: string; message: string }): Problem => ({
        ...withFile({ path: p.path, message: p.message }, doc.file),
        ...doc.place!(p.at),
      });
      report.errors.push(...doc.errors.items.map(placed));
      report.warnings.push(...doc.warnings.items.map(placed));
      continue;
    }
    const lines =
      doc.errors.empty && doc.warnings.empty
        ? null
        : lineFinder(
            doc,
            [...doc.errors.items, ...doc.warnings.items].map((p) => p.at),
          );
    const place = (p: { at: (string | number)[]; path: string; message: string }): Problem => {
      const line = lines?.lineOf(p.at);
      return withFile(
        { path: p.path, message: p.message, ...(line === undefined ? {} : { line }) },
        doc.file,
      );
    };
    report.errors.push(...inDocumentOrder(doc.errors.items.map(place)));
    report.warnings.push(...inDocumentOrder(doc.warnings.items.map(place)));
  }
  if (invalid && report.errors.length > 0) report.errors = inSheetOrder(report.errors);
  report.ok = !invalid && report.errors.length === 0;
  return {
    report,
    batch: report.ok ? mergeBatches(checked.map((doc) => doc.register as Register)) : null,
  };
}

/**
 * Plans the write on the store as it is (what a sync retires, what the revision lists) and writes
 * it in one transaction that first checks no other write came between: if one did, it plans again.
 */
async function write(
  store: StorePort,
  batch: RegisterBatch,
  options: ImportOptions,
  report: ImportReport,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const generation = await store.generation();
    const now = options.now ?? new Date();
    const planned =
      options.sync === undefined
        ? null
        : await planSync(
            store,
            options.sync,
            batch,
            now.toISOString().slice(0, 10),
            options.retireLimitPercent ?? DEFAULT_RETIRE_LIMIT_PERCENT,
            options.force ?? false,
          );
    if (planned) report.sync = planned.plan;
    if (planned?.plan.refused) {
      report.ok = false;
      report.errors.push({ path: 'sync', message: refusalMessage(planned.plan) });
      return;
    }
    if (options.dryRun) return;
    const changes = await batchChanges(store, batch);
    const retired = planned?.retired ?? [];
    const lists = {
      ...(options.sync === undefined ? {} : { scope: options.sync }),
      added: changes.added,
      changed: changes.changed,
      retired: retired.map((e) => `entrustments/${e.id}`),
      removed: [],
    };
    const written =
      retired.length === 0
        ? batch
        : { ...batch, entrustments: [...batch.entrustments, ...retired] };
    const audit = auditDraft(
      options.actor ?? 'system',
      options.action ?? 'import',
      importSummary(written, lists, changes.unchanged),
      now,
      revisionOf(lists),
    );
    const scope =
      options.sync === undefined
        ? {}
        : { scope: { name: options.sync, entrustments: batch.entrustments.map((e) => e.id) } };
    try {
      await store.upsert(written, options.onProgress, audit, {
        expectedGeneration: generation,
        ...scope,
      });
      report.revision = String(generation + 1);
      return;
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt === WRITE_ATTEMPTS) throw error;
    }
  }
}

/**
 * A workbook or CSV directory read as a document; the problems the sheets alone show (an unknown
 * column) are reported, and the document is validated all the same, so one run says everything.
 */
async function readSheets(
  source: SheetSource,
  file: string | undefined,
  report: ImportReport,
): Promise<{ ok: true; value: unknown; json: false; place: (at: PathSegment[]) => Place }> {
  const doc = await readSheetSource(source, file);
  report.errors.push(...doc.problems);
  return { ok: true, value: doc.value, json: false, place: doc.place };
}

/** Problems of sheets as a person reads them: by file, sheet and row; others keep their order. */
function inSheetOrder(problems: Problem[]): Problem[] {
  if (!problems.some((p) => p.row !== undefined)) return problems;
  return problems.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      columnOrder(a.column) - columnOrder(b.column),
  );
}

/** A column's place from its letters ("G (reentrustment)"): A … Z, then AA … */
function columnOrder(column: string | undefined): number {
  const letters = /^[A-Z]+/.exec(column ?? '')?.[0] ?? '';
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** JSON and large YAML are placed by bounded-memory scans; YAML they cannot place, by the yaml package. */
function lineFinder(
  { text, json, value }: { text: string; json: boolean; value: unknown },
  paths: PathSegment[][],
): { lineOf(path: PathSegment[]): number | undefined } {
  if (json) return new JsonLineFinder(text, paths);
  return (
    (text.length >= FAST_YAML_FROM ? yamlLines(text, value, paths) : null) ?? new LineFinder(text)
  );
}

/** Problems by line, as a person reads the file; a stable sort keeps same-line ones together. */
function inDocumentOrder(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

function withFile(problem: Problem, file: string | undefined): Problem {
  return file === undefined ? problem : { ...problem, file };
}

function countSections(report: ImportReport, value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const section of SECTIONS) {
    const list = (value as Record<string, unknown>)[section];
    if (Array.isArray(list)) report[section] += list.length;
  }
}

function mergeBatches(registers: readonly Register[]): RegisterBatch {
  if (registers.length === 1 && registers[0]) return registers[0];
  const batch: RegisterBatch = { sources: [], parties: [], entrustments: [], incidents: [] };
  for (const register of registers)
    for (const section of SECTIONS) (batch[section] as unknown[]).push(...register[section]);
  return batch;
}
