import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrenchResults, frenchResultYears } from '../../src/data/frenchResults.js';

const texts = {
  departements: { file: 'deps.csv', text: 'id,name,region\n2A,Corse-du-Sud,Corse\nZZ,Français établis hors de France,Français de l\'étranger\n' },
  turnout: {
    file: 'turnout.csv',
    text: 'year,round,id,registered,abstentions,voters,blank_spoiled,valid\n2012,1,2A,100,20,80,5,75\n2012,1,ZZ,50,30,20,0,20\n',
  },
  votes: { file: 'votes.csv', text: 'year,round,id,party,votes\n2012,1,2A,PS,20\n2012,1,2A,UMP,30\n2012,1,2A,FN,25\n2012,1,ZZ,PS,9\n2012,1,ZZ,UMP,11\n' },
  candidates: { file: 'cands.json', text: '{"2012": {"sides": ["PS", "UMP"], "parties": {"PS": {"candidate": "François Hollande"}, "UMP": {"candidate": "Nicolas Sarkozy"}, "FN": {"candidate": "Marine Le Pen"}}}}' },
};

test('parseFrenchResults puts every non-finalist in other and picks the finalist ahead as winner', () => {
  const r = parseFrenchResults(texts, { year: 2012, round: 1 });
  const corse = r.units.find((u) => u.id === '2A')!;
  assert.deepEqual(corse.votes, { PS: 20, UMP: 30, other: 25 });
  assert.equal(corse.winner, 'UMP');
  assert.deepEqual(corse.parties, { PS: 20, UMP: 30, FN: 25 });
  assert.deepEqual([corse.registered, corse.abstentions, corse.voters, corse.blankSpoiled, corse.eligible], [100, 20, 80, 5, 100]);
  assert.deepEqual(r.popularVote, { PS: 29, UMP: 41, other: 25, total: 95 });
  assert.deepEqual(frenchResultYears(texts.turnout), [2012]);
});

test('parseFrenchResults rejects party votes that do not sum to valid votes', () => {
  const bad = { ...texts, votes: { ...texts.votes, text: texts.votes.text.replace('2012,1,2A,FN,25', '2012,1,2A,FN,24') } };
  assert.throws(() => parseFrenchResults(bad, { year: 2012, round: 1 }), /turnout\.csv: line 2, column 8 \(valid\) must be the sum of party votes in votes\.csv, 74, got "75"/);
});

test('parseFrenchResults rejects voters that are not valid + blank/spoiled and a missing round', () => {
  const bad = { ...texts, turnout: { ...texts.turnout, text: texts.turnout.text.replace('2012,1,2A,100,20,80,5,75', '2012,1,2A,100,20,80,4,75') } };
  assert.throws(() => parseFrenchResults(bad, { year: 2012, round: 1 }), /line 2, column 6 \(voters\) must be valid \+ blank_spoiled = 79, got "80"/);
  assert.throws(() => parseFrenchResults(texts, { year: 2012, round: 2 }), /turnout\.csv: round must be one of 1, got 2/);
});
