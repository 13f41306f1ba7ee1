// The shapes of the answers to ./queries.ts, as the page and the bench read them.

export interface PartyRef {
  id: string;
  name: string;
  /** Other names (the English one, for a Japanese party); asked only where the page shows it. */
  aka?: string[];
  kind: string;
  country?: string | null;
}
export interface SourceRef {
  id: string;
  url: string | null;
  title: string | null;
}

export interface Hop {
  id: string;
  client: PartyRef;
  contractor: PartyRef;
  from: string | null;
  to: string | null;
  data: string[];
  records: number | null;
  disclosed: boolean;
  confidence: string;
  sources: SourceRef[];
  storage?: string[];
  access?: string[];
}

export type Exposure = 'CONFIRMED' | 'POSSIBLE';

export interface Path {
  exposure: Exposure;
  aware: boolean;
  data: string[] | null;
  records: number | null;
  hops: Hop[];
}

export interface AffectedController {
  party: PartyRef;
  exposure: Exposure;
  aware: boolean;
  data: string[];
  records: number | null;
  pathCount: number;
  paths: Path[];
}

export interface NotExposed {
  party: PartyRef;
  reason: 'OUT_OF_WINDOW' | 'NO_COMMON_DATA' | 'CYCLE';
  detail: string;
  hops: Hop[];
}

export interface BlastRadiusAnswer {
  leakingParty: PartyRef;
  incident: { id: string; kind: string; detected: string | null; records: number | null } | null;
  from: string | null;
  to: string | null;
  data: string[] | null;
  unawareCount: number;
  truncated: boolean;
  controllers: AffectedController[];
  notExposed: NotExposed[];
}

export interface ChainAnswer {
  controller: PartyRef;
  asOf: string | null;
  members: { party: PartyRef; depth: number; link: 'DECLARED' | 'INFERRED'; countries: string[] }[];
  links: {
    entrustment: Hop;
    upstream: { id: string } | null;
    link: 'DECLARED' | 'INFERRED';
    depth: number;
  }[];
}

export interface Finding {
  entrustment: { id: string };
  rule: string;
  severity: string;
  inferred: boolean;
  explanation: string;
}
export interface CertificationAlert {
  party: { id: string };
  scheme: string;
  status: string;
  since: string | null;
  until: string | null;
}
export interface CrossBorderAnswer {
  country: string;
  hops: {
    entrustment: { id: string };
    stored: string[];
    accessed: string[];
    /** Neither storage nor access recorded: never counted as abroad, never assumed at home. */
    locationUnknown: boolean;
    transferBasis: string | null;
    missingBasis: boolean;
  }[];
}
