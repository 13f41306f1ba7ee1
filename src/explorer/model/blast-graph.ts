import type { BlastRadiusAnswer, Hop, NotExposed } from './answers.js';
import { node, partyLabel, period, type ViewEdge, type ViewGraph, type ViewNode } from './graph.js';
import { groupLeafControllers } from './group-leaves.js';

/** Past this many controllers, leaf controllers are drawn as groups (the list keeps every one). */
export const GROUP_ABOVE = 60;

const REASON_WORDS: Record<NotExposed['reason'], string> = {
  OUT_OF_WINDOW: 'out of window',
  NO_COMMON_DATA: 'no common data',
  CYCLE: 'cycle',
};

function hopDetail(hop: Hop): string {
  const data = hop.data.length > 0 ? hop.data.join(', ') : 'data not listed';
  const records =
    hop.records === null ? 'records unknown' : `${hop.records.toLocaleString('en')} records`;
  return `${hop.id}: ${period(hop.from, hop.to)}; ${records}; ${data}${hop.disclosed ? '' : '; NOT DISCLOSED to the controller'}`;
}

/**
 * The blast radius as a picture: the leaking party on one side, controllers on the other,
 * entrustments as edges (client → contractor). An edge on any CONFIRMED path is confirmed;
 * undisclosed hops are labelled; hops where a path stopped are greyed with the reason.
 */
export function buildBlastGraph(answer: BlastRadiusAnswer, groupAbove = GROUP_ABOVE): ViewGraph {
  const nodes = new Map<string, ViewNode>();
  const edges = new Map<string, ViewEdge>();
  const leak = answer.leakingParty;
  const where = answer.incident
    ? `leak ${answer.incident.id}`
    : `leak ${period(answer.from, answer.to)}`;
  nodes.set(
    leak.id,
    node(
      leak.id,
      `${leak.name}\n${where}`,
      'leak',
      ['leak'],
      `${partyLabel(leak)}: where the leak happened (${where})`,
    ),
  );

  for (const c of answer.controllers) {
    const state = `${c.exposure}${c.aware ? '' : ' · UNAWARE'}`;
    const classes = [c.exposure.toLowerCase(), ...(c.aware ? [] : ['unaware'])];
    const records =
      c.records === null ? 'records unknown' : `${c.records.toLocaleString('en')} records`;
    const detail = `${partyLabel(c.party)}: exposed, ${c.exposure}, ${c.aware ? 'aware' : 'unaware (every path has an undisclosed hop)'}; ${records}; ${c.data.join(', ') || 'data unknown'}`;
    nodes.set(
      c.party.id,
      node(c.party.id, `${c.party.name}\n${state}`, 'controller', classes, detail),
    );
  }
  const ensureParty = (p: Hop['client']) => {
    if (!nodes.has(p.id))
      nodes.set(p.id, node(p.id, p.name, 'party', ['party'], `${partyLabel(p)}: on a path`));
  };
  for (const c of answer.controllers) {
    for (const path of c.paths) {
      for (const hop of path.hops) {
        ensureParty(hop.client);
        ensureParty(hop.contractor);
        const seen = edges.get(hop.id);
        const confirmed =
          path.exposure === 'CONFIRMED' || seen?.classes.includes('confirmed') === true;
        edges.set(hop.id, {
          id: hop.id,
          source: hop.client.id,
          target: hop.contractor.id,
          label: hop.disclosed ? '' : 'undisclosed',
          classes: [
            confirmed ? 'confirmed' : 'possible',
            ...(hop.disclosed ? [] : ['undisclosed']),
          ],
          detail: `${hop.client.name} → ${hop.contractor.name}, ${confirmed ? 'CONFIRMED' : 'POSSIBLE'}; ${hopDetail(hop)}`,
        });
      }
    }
  }

  // Spared parties: the first hop is where the path stopped; the rest lead on to the leak.
  for (const miss of answer.notExposed) {
    const [stopped, ...rest] = miss.hops;
    if (!nodes.has(miss.party.id)) {
      nodes.set(
        miss.party.id,
        node(
          miss.party.id,
          `${miss.party.name}\nspared: ${REASON_WORDS[miss.reason]}`,
          'spared',
          ['spared'],
          `${partyLabel(miss.party)}: not exposed, ${miss.reason}: ${miss.detail}`,
        ),
      );
    }
    for (const hop of rest) {
      ensureParty(hop.client);
      ensureParty(hop.contractor);
      if (!edges.has(hop.id)) {
        edges.set(hop.id, {
          id: hop.id,
          source: hop.client.id,
          target: hop.contractor.id,
          label: '',
          classes: ['stopped-path'],
          detail: hopDetail(hop),
        });
      }
    }
    if (stopped && !edges.has(stopped.id)) {
      ensureParty(stopped.contractor);
      edges.set(stopped.id, {
        id: stopped.id,
        source: stopped.client.id,
        target: stopped.contractor.id,
        // Short on the edge (dagre leaves no room for long labels); the detail is on hover and in the list.
        label: REASON_WORDS[miss.reason],
        classes: ['stopped'],
        detail: `${stopped.client.name} → ${stopped.contractor.name}, path stopped (${miss.reason}): ${miss.detail}; ${hopDetail(stopped)}`,
      });
    }
  }
  const graph = { nodes: [...nodes.values()], edges: [...edges.values()], grouped: 0 };
  return answer.controllers.length > groupAbove ? groupLeafControllers(graph) : graph;
}
