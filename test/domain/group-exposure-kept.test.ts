import t from 'tap';
import { generate } from '../../bench/generate.js';
import { groupExposure } from '../../src/domain/group-exposure.js';
import { redelegationFindings } from '../../src/domain/redelegation.js';
import { keptUpIndex } from '../../src/domain/roots.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';

// Walks up to the root controllers keep what they learn per generation (roots.ts, keptUpIndex),
// and a group's exposure now reads it and adds to it as a chain's findings do. A group's answer
// must not depend on which walks came before it: asked in one order on one store, after a hub's
// findings, and in the other order on another, the answers are the same.
const synthetic = generate(1000);

t.test("a group's exposure answers alike whatever walks up came before it", async (t) => {
  const [forward, backward] = [await tempStore(t), await tempStore(t)];
  for (const store of [forward, backward])
    t.ok((await importRegister(store, synthetic.document)).ok);
  const parties = [...synthetic.leaves.slice(0, 15), ...synthetic.hubs.slice(0, 3)];
  const answerOf = async (store: typeof forward, party: string) => {
    const g = await groupExposure(store, party);
    return { group: g.group, controllers: g.controllers, incidents: g.incidentCount };
  };

  await redelegationFindings(forward, { controller: synthetic.controllers[0]! });
  const learned = (await keptUpIndex(forward)).ups.size;
  const there = [];
  for (const party of parties) there.push(await answerOf(forward, party));
  const grown = (await keptUpIndex(forward)).ups.size;
  t.ok(grown > learned, `the groups' walks add to what walks learned (${learned} -> ${grown})`);

  const back = new Map<string, unknown>();
  for (const party of [...parties].reverse()) back.set(party, await answerOf(backward, party));
  for (const [i, party] of parties.entries()) t.same(there[i], back.get(party), party);
  t.ok(
    there.some((g) => g.controllers.length > 100),
    `some group is reached by many controllers (${Math.max(...there.map((g) => g.controllers.length))})`,
  );
});
