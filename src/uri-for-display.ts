/**
 * A URI as it may be logged or shown in an error: without user, password and query
 * (`neo4j://neo4j:secret@db:7687?x=y` → `neo4j://db:7687`). A store URI may carry credentials;
 * no log line or message should.
 */
export function uriForDisplay(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/[?#].*$/, '');
}
