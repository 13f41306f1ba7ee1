import type { Resolvers } from '../resolver-types.js';
import { recordOfProcessing } from '../../domain/record-of-processing.js';
import { ropaMarkdown } from '../../filings/ropa-render.js';
import { breachReport } from '../../domain/breach-report.js';
import { breachItems } from '../../filings/breach-items.js';
import { breachReportMarkdown } from '../../filings/breach-render.js';

export const filingsResolvers: Resolvers = {
  Query: {
    recordOfProcessing: async (_, { controller, asOf }, { store }) => {
      const record = await recordOfProcessing(store, controller, asOf ?? undefined);
      return {
        ...record,
        asOf: record.asOf ?? null,
        markdown: ropaMarkdown(record),
        rows: record.rows.map((r) => ({
          ...r,
          role: r.role === 'processor' ? 'PROCESSOR' : 'SUB_PROCESSOR',
          transferBasis: r.entrustment.transferBasis ?? null,
          disclosed: r.entrustment.disclosed,
        })),
      };
    },
    breachReport: async (_, { incident, controller }, { store }) => {
      const report = await breachReport(store, incident, controller);
      return {
        ...report,
        filer: report.controller,
        required: report.appi?.required ?? null,
        triggers: report.appi?.triggers ?? [],
        deadlines: report.appi?.deadlines ?? [],
        items: breachItems(report).map((i) => ({ ...i, filled: i.text !== null })),
        markdown: breachReportMarkdown(report),
      };
    },
  },
};
