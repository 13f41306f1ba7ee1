import type { BlastRadiusAnswer, Hop, NotExposed } from './answers.js';
import { node, partyLabel, period, type ViewEdge, type ViewGraph, type ViewNode } from './graph.js';
import { groupLeafControllers } from './group-leaves.js';
import { en, type Words } from './i18n/en.js';

/** Past this many controllers, leaf controllers are drawn as groups (the list keeps every one). */
export const GROUP_ABOVE = 60;

function hopDetail(hop: Hop, w: Words): string {
  const data = hop.data.length > 0 ? hop.data.join(', ') : w.dataNotListed;
  return `${hop.id}: ${period(hop.from, hop.to, w)}; ${w.records(hop.records)}; ${data}${hop.disclosed ? '' : `; ${w.notDisclosed}`}`;
}

const reason = (miss: NotExposed, w: Words) => w.reasons[miss.reason] ?? miss.reason;
const why = (miss: NotExposed, answer: BlastRadiusAnswer, w: Words) =>
  w.notExposedWhy(miss, period(answer.from, answer.to, w), (hop) => period(hop.from, hop.to, w));

/**
 * The blast radius as a picture: the leaking party on one side, controllers on the other,
 * entrustments as edges (client → contractor). An edge on any CONFIRMED path is confirmed;
 * undisclosed hops are labelled; hops where a path stopped are greyed with the reason.
 */
export function buildBlastGraph(
  answer: BlastRadiusAnswer,
  groupAbove = GROUP_ABOVE,
  w: Words = en,
): ViewGraph {
  const nodes = new Map<string, ViewNode>();
  const edges = new Map<string, ViewEdge>();
  const leak = answer.leakingParty;
  const where = w.leakOf(answer.incident ? answer.incident.id : period(answer.from, answer.to, w));
  nodes.set(
    leak.id,
    node(
      leak.id,
      `${leak.name}\n${where}`,
      'leak',
      ['leak'],
      `${partyLabel(leak)}: ${w.whereLeak(where)}`,
    ),
  );

  for (const c of answer.controllers) {
    const exposure = w.exposure[c.exposure] ?? c.exposure;
    const state = `${exposure}${c.aware ? '' : ` · ${w.unawareTag}`}`;
    const classes = [c.exposure.toLowerCase(), ...(c.aware ? [] : ['unaware'])];
    const detail = `${partyLabel(c.party)}: ${w.exposedDetail(exposure, c.aware ? w.aware : w.unawareWhy, w.records(c.records), c.data.join(', ') || w.dataUnknown)}`;
    nodes.set(
      c.party.id,
      node(c.party.id, `${c.party.name}\n${state}`, 'controller', classes, detail),
    );
  }
  const ensureParty = (p: Hop['client']) => {
    if (!nodes.has(p.id))
      nodes.set(p.id, node(p.id, p.name, 'party', ['party'], `${partyLabel(p)}: ${w.onAPath}`));
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
          label: hop.disclosed ? '' : w.undisclosedLabel,
          classes: [
            confirmed ? 'confirmed' : 'possible',
            ...(hop.disclosed ? [] : ['undisclosed']),
          ],
          detail: `${hop.client.name} → ${hop.contractor.name}, ${w.exposure[confirmed ? 'CONFIRMED' : 'POSSIBLE']}; ${hopDetail(hop, w)}`,
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
          `${miss.party.name}\n${w.spared(reason(miss, w))}`,
          'spared',
          ['spared'],
          `${partyLabel(miss.party)}: ${w.sparedDetail(reason(miss, w), why(miss, answer, w))}`,
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
          detail: hopDetail(hop, w),
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
        label: reason(miss, w),
        classes: ['stopped'],
        detail: `${stopped.client.name} → ${stopped.contractor.name}, ${w.pathStopped(reason(miss, w), why(miss, answer, w))}; ${hopDetail(stopped, w)}`,
      });
    }
  }
  const graph = { nodes: [...nodes.values()], edges: [...edges.values()], grouped: 0 };
  return answer.controllers.length > groupAbove ? groupLeafControllers(graph, w) : graph;
}
