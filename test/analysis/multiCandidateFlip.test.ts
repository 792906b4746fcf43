import { test } from 'node:test';
import assert from 'node:assert/strict';
import { legislativeElectCost, legislativeQualifyCost, multiCandidateFlip } from '../../src/analysis/multiCandidateFlip.js';
import { buildTableRace } from '../../src/race/tableRace.js';
import { loadLegislativeRace, loadPresidentialRace, loadTableRace } from '../../src/node/data/loadMultiCandidateRace.js';
import { InputError } from '../../src/errors.js';

test('2022 first round: Mélenchon needs 421,309 votes to pass Le Pen for round 2 (Le Pen 8,133,828, Mélenchon 7,712,520, Conseil constitutionnel)', () => {
  const race = loadPresidentialRace({ year: 2022 });
  const lfi = multiCandidateFlip(race, { rule: 'two-round', party: 'LFI' });
  assert.equal(lfi.totals.RN, 8133828);
  assert.equal(lfi.totals.LFI, 7712520);
  assert.deepEqual(lfi.qualify, { votes: 8133828 - 7712520 + 1, second: { party: 'RN', votes: 8133828 } });
  assert.equal(lfi.qualify!.votes, 421309);
  // A finalist needs nothing; its "second of the others" is the third of the race.
  assert.deepEqual(multiCandidateFlip(race, { rule: 'two-round', party: 'RN' }).qualify, { votes: 0, second: { party: 'LFI', votes: 7712520 } });
  // Zemmour (2,485,226) needed to pass Le Pen too.
  assert.equal(multiCandidateFlip(race, { rule: 'two-round', party: 'REC' }).qualify!.votes, 8133828 - 2485226 + 1);
  // Units: the département where Mélenchon was closest to first is a count of the file's own votes.
  const hautesAlpes = lfi.units.find((u) => u.id === '05')!;
  assert.equal(hautesAlpes.toLead, hautesAlpes.leader!.votes - hautesAlpes.votes + 1);
  assert.equal(lfi.race, undefined);
});

test('Canada 2011: the fewest NDP votes for a majority (155 of 308) is the sum of its 52 cheapest ridings, 206,034 votes', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const flip = multiCandidateFlip(race, { rule: 'plurality', party: 'NDP' });
  assert.equal(flip.race!.held, 103);
  assert.equal(flip.race!.seatsToWin, 155);
  // Every riding weighs one seat, so the exact set is the 52 cheapest: recomputed here from the slots directly.
  const ndp = race.parties.indexOf('NDP');
  const costs: number[] = [];
  for (let u = 0; u < race.units.ids.length; u++) {
    let ours = -1;
    let best = -1;
    for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) {
      if (race.slotParty[s] === ndp) ours = race.votes[s]!;
      else best = Math.max(best, race.votes[s]!);
    }
    if (ours >= 0 && ours <= best) costs.push(best - ours + 1);
  }
  costs.sort((a, b) => a - b);
  const expected = costs.slice(0, 52).reduce((a, b) => a + b, 0);
  assert.equal(flip.race!.units.length, 52);
  assert.equal(flip.race!.votes, expected);
  assert.equal(flip.race!.votes, 206034);
  // Winnipeg North (46012): the Liberal Kevin Lamoureux held it by 44 votes over the NDP.
  assert.equal(flip.units.find((u) => u.id === '46012')!.toLead, 45);
  assert.ok(flip.race!.units.includes('46012'));
  // The Conservatives already held 166.
  assert.deepEqual(multiCandidateFlip(race, { rule: 'plurality' }).race, { held: 166, seatsToWin: 155, units: [], votes: 0 });
});

test('tipping point: the unit that completes the majority when units are taken by the party margin, best first', () => {
  // Five one-seat units; A's margins: +40 %, +10 %, −5 %, −20 %, −30 %; 3 seats win. The third best is U3.
  const text = 'id,name,weight,A,B,C\nU1,One,1,60,20,20\nU2,Two,1,45,35,20\nU3,Three,1,38,43,19\nU4,Four,1,30,50,20\nU5,Five,1,20,50,30\n';
  const race = buildTableRace({ file: 't.csv', text });
  const flip = multiCandidateFlip(race, { rule: 'plurality', party: 'A' });
  assert.deepEqual(flip.tippingPoint, { id: 'U3', name: 'Three', margin: -0.05, toLead: 6 });
  assert.deepEqual(flip.race, { held: 2, seatsToWin: 3, units: ['U3'], votes: 6 });
  // With seatsToWin 4: the cheapest pair is U3 (6) and U4 (21).
  assert.deepEqual(multiCandidateFlip(race, { rule: 'plurality', party: 'A', seatsToWin: 4 }).race, { held: 2, seatsToWin: 4, units: ['U3', 'U4'], votes: 27 });
  // Popular vote: A 193, B 198: the gap of 5 and one more.
  assert.deepEqual(multiCandidateFlip(race, { rule: 'popular-vote', party: 'A' }).national, { votes: 6, leader: { party: 'B', votes: 198 } });
});

test('2022 legislatives: Jean Delalandre (ENS, 76-05) missed 12.5 % of inscrits by 62 votes; Valérie Ferrarini (ENS, 74-03) missed the top two by 43', () => {
  const race = loadLegislativeRace();
  const flip = multiCandidateFlip(race, { rule: 'two-round-legislative', party: 'ENS' });
  // Ministry, résultats du 1er tour, Seine-Maritime 5e: Inscrits 95,163, Delalandre 11,834 voix (12.44 % of inscrits);
  // 12.5 % is 11,895.4, so 11,896 votes: 62 more. NUP and RN passed the bar, so the top-two route was closed.
  const seine = flip.units.find((u) => u.id === '76-05')!;
  assert.equal(seine.votes, 11834);
  assert.equal(seine.toQualify, Math.ceil(95163 / 8) - 11834);
  assert.equal(seine.toQualify, 62);
  // Haute-Savoie 3e: Inscrits 88,200 (12.5 % = 11,025): nobody reached it, so the top two went through: NUP 9,831,
  // LR 9,129; Ferrarini 9,087 needed 43 to pass the LR.
  const savoie = flip.units.find((u) => u.id === '74-03')!;
  assert.equal(savoie.votes, 9087);
  assert.equal(savoie.toQualify, 9129 - 9087 + 1);
  // A candidate who went to round 2 needs nothing.
  assert.equal(multiCandidateFlip(race, { rule: 'two-round-legislative', party: 'NUP' }).units.find((u) => u.id === '74-03')!.toQualify, 0);
});

test('legislative costs: the 12.5 % bar, the top two, a round-1 election to deny, and being elected in round 1 (L126, L162)', () => {
  assert.equal(legislativeQualifyCost(60, [200, 100, 40], 500, 1000), 41);
  // Two others at 12.5 % or more: only the bar (125) is open.
  assert.equal(legislativeQualifyCost(60, [200, 130, 40], 500, 1000), 65);
  assert.equal(legislativeQualifyCost(60, [300, 100, 40], 500, 1000), 100);
  assert.equal(legislativeQualifyCost(130, [200, 100], 500, 1000), 0);
  assert.equal(legislativeElectCost(300, 700, 1000), 101);
  assert.equal(legislativeElectCost(200, 300, 1000), 50);
});

test('multiCandidateFlip names an unknown party at --candidate', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  assert.throws(() => multiCandidateFlip(race, { rule: 'plurality', party: 'XYZ' }), (e: unknown) => e instanceof InputError && /--candidate.*CPC, NDP, LPC, BQ, GPC/.test(e.message));
});

test('multiCandidateFlip refuses weights too large for the exact search, naming units.weight', () => {
  const text = 'id,name,weight,A,B,C\nU1,One,40000000,60,20,20\nU2,Two,40000000,10,70,20\nU3,Three,40000000,10,70,20\n';
  const race = buildTableRace({ file: 't.csv', text });
  assert.throws(() => multiCandidateFlip(race, { rule: 'plurality', party: 'A' }), (e: unknown) => e instanceof InputError && /units\.weight/.test(e.message));
});
