import t from 'tap';
import { groupExposure } from '../../src/domain/group-exposure.js';
import { tempStore } from '../helpers/app.js';
import { inRounds, registerOf } from '../helpers/in-rounds.js';
import { partyRecord } from '../helpers/records.js';

// Group exposure reads the group, what goes into it, and then walks up to the root controllers in
// rounds: a write between those reads would give an answer of no register at all. The generation
// after its reads must be the one before them, or it reads again.

t.test('a write during the walk up: the answer is of one register, the newer', async (t) => {
  const base = await tempStore(t);
  // The group: a company and the service it runs. city → agent (own data) → service (inferred).
  const register = registerOf('g-', [
    ['city', 'agent', []],
    ['agent', 'service', undefined],
  ]);
  register.parties.push(partyRecord('g-company'));
  const service = register.parties.find((p) => p.id === 'g-service')!;
  Object.assign(service, { kind: 'service', operator: 'g-company' });
  await base.upsert(register);
  t.same(
    (await groupExposure(base, 'g-service')).controllers.map((c) => c.party),
    ['g-city'],
    'before the write: the city, through the agent',
  );

  // While the walk reads what goes into the agent, the agent stops serving the service and a
  // town starts entrusting the agent: the walk would see the town above an entrustment that is
  // gone.
  const log: string[] = [];
  const store = inRounds(base, log, {
    before: async (round) => {
      if (round !== 1) return;
      await base.remove({ entrustments: ['g-agent--service'] });
      await base.upsert(registerOf('g-', [['town', 'agent', []]]));
    },
  });
  const answer = await groupExposure(store, 'g-service', undefined, store.generation());
  t.same(answer.controllers, [], 'after the write nothing goes into the group: no controller');
  t.same(
    answer.services.map((s) => s.id),
    ['g-service'],
    'the group itself is unchanged',
  );
  t.ok(
    log.filter((e) => e === 'start generation').length >= 2,
    'the generation was read again after the reads',
  );
});
