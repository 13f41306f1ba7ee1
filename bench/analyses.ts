// The analyses besides the blast radius (issue 21 §2), each asked of a hub and of a leaf through
// GraphQL, on every store the bench measures: their Neo4j / embedded ratios join the table.

interface Analysis {
  /** The query; `$p` is the party asked about. */
  query: string;
  /** How many things the answer holds, so the table shows it was not empty. */
  size: (data: Record<string, unknown>) => number;
}

export const ANALYSES = {
  'supply chain': {
    query: 'query($p: ID!) { supplyChain(controller: $p) { members { party { id } depth } } }',
    size: (d) => (d.supplyChain as { members: unknown[] }).members.length,
  },
  'findings for one controller': {
    query: 'query($p: ID!) { redelegationFindings(controller: $p, first: 1000) { id rule } }',
    size: (d) => (d.redelegationFindings as unknown[]).length,
  },
  'cross-border': {
    query: 'query($p: ID!) { crossBorder(controller: $p) { hops { entrustment { id } } } }',
    size: (d) => (d.crossBorder as { hops: unknown[] }).hops.length,
  },
  'group exposure': {
    query: 'query($p: ID!) { groupExposure(party: $p) { controllers { party { id } } } }',
    size: (d) => (d.groupExposure as { controllers: unknown[] }).controllers.length,
  },
} satisfies Record<string, Analysis>;

export type AnalysisName = keyof typeof ANALYSES;
export const ANALYSIS_NAMES = Object.keys(ANALYSES) as AnalysisName[];
