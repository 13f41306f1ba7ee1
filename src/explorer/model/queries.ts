// The explorer's GraphQL operations: the page is a plain client of the public API, and these are
// all it sends. test/explorer/queries.test.ts validates every one against schema/.

const HOP = `fragment ExplorerHop on Entrustment {
  id client { id name kind } contractor { id name kind }
  from to data records disclosed confidence
  sources { id url title }
}`;

export const BLAST_RADIUS = `query ExplorerBlastRadius($incident: ID, $party: ID, $from: Date, $to: Date, $data: [String!]) {
  blastRadius(incident: $incident, party: $party, from: $from, to: $to, data: $data) {
    leakingParty { id name kind }
    incident { id kind detected records }
    from to data unawareCount truncated
    controllers {
      party { id name aka kind } exposure aware data records pathCount
      paths { exposure aware data records hops { ...ExplorerHop } }
    }
    notExposed { party { id name kind } reason detail hops { ...ExplorerHop } }
  }
}
${HOP}`;

export const BREACH_OBLIGATIONS = `query ExplorerObligations($incident: ID!) {
  breachObligations(incident: $incident) {
    detected
    controllers {
      party { id } aware clockStarted
      obligations { law citation required triggers deadlines { kind due description } }
    }
  }
}`;

export const SUPPLY_CHAIN = `query ExplorerSupplyChain($controller: ID!, $asOf: Date) {
  supplyChain(controller: $controller, asOf: $asOf) {
    controller { id name aka kind country }
    asOf
    members { party { id name kind country } depth link countries }
    links { entrustment { ...ExplorerHop storage access } upstream { id } link depth }
  }
  redelegationFindings(controller: $controller, asOf: $asOf) { entrustment { id } rule severity inferred explanation }
  certificationAlerts(controller: $controller, asOf: $asOf) { party { id } scheme status since until }
}
${HOP}`;

// Asked apart from the chain: a controller with no country has no cross-border answer (an
// error), and the chain must still be drawn.
export const CROSS_BORDER = `query ExplorerCrossBorder($controller: ID!, $asOf: Date) {
  crossBorder(controller: $controller, asOf: $asOf) {
    country
    hops { entrustment { id } stored accessed locationUnknown transferBasis missingBasis }
  }
}`;

/** Every entrustment the controller's chain ever had: their dates are where the chain changes. */
export const CHAIN_DATES = `query ExplorerChainDates($controller: ID!) {
  supplyChain(controller: $controller) { entrustments { id from to } }
}`;

export const CONCENTRATION = `query ExplorerConcentration($asOf: Date, $first: Int) {
  concentration(asOf: $asOf, first: $first) { party { id name kind } controllers records recordsUnknown entrustments }
}`;

export const SEARCH = `query ExplorerSearch($text: String!, $first: Int) {
  searchParties(text: $text, first: $first) { id name aka kind country }
}`;

/** The home: what needs attention on a date (overview), in one request. */
export const OVERVIEW = `query ExplorerOverview($asOf: Date) {
  overview(asOf: $asOf) {
    asOf incidentCount
    incidents {
      incident { id kind from to detected announced party { id name kind } }
      date records controllers unaware truncated
    }
    findings { total byRule { rule severity count inferred } }
    deadlines { incident { id } controller { id name kind } law kind due state daysLeft }
    certificationAlerts { party { id name kind } scheme status since until controllers }
    concentration { party { id name kind } controllers records recordsUnknown entrustments }
  }
}`;

/** Who an incident reaches without knowing it: the home names the unaware controllers. */
export const UNAWARE_OF = `query ExplorerUnawareOf($incident: ID!) {
  blastRadius(incident: $incident, maxPathsPerController: 1) {
    controllers { party { id name kind } aware }
  }
}`;

export const ALL_OPERATIONS = {
  BLAST_RADIUS,
  BREACH_OBLIGATIONS,
  SUPPLY_CHAIN,
  CROSS_BORDER,
  CHAIN_DATES,
  CONCENTRATION,
  SEARCH,
  OVERVIEW,
  UNAWARE_OF,
};
