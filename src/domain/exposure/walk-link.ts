import type { Entrustment } from '../model.js';

/**
 * What a blast radius reads of an entrustment: its links, period and data, and what decides a
 * path's exposure (confidence), awareness (disclosed) and evidence (records, subjects). Stores
 * answer these as compact rows, never whole records.
 */
export type WalkLink = Pick<
  Entrustment,
  | 'id'
  | 'client'
  | 'contractor'
  | 'under'
  | 'data'
  | 'from'
  | 'to'
  | 'records'
  | 'confidence'
  | 'disclosed'
  | 'subjects'
>;

/** The walk fields of an entrustment; fields it lacks stay absent (`under` absent is not []). */
export function walkLinkOf(e: WalkLink): WalkLink {
  const link: WalkLink = {
    id: e.id,
    client: e.client,
    contractor: e.contractor,
    data: e.data,
    confidence: e.confidence,
    disclosed: e.disclosed,
    subjects: e.subjects,
  };
  if (e.under !== undefined) link.under = e.under;
  if (e.from !== undefined) link.from = e.from;
  if (e.to !== undefined) link.to = e.to;
  if (e.records !== undefined) link.records = e.records;
  return link;
}
