/**
 * Votes-to-flip in a race of three or more candidates (issue 20, section 3): on the race file's baseline
 * votes, with no uncertainty, the fewest extra votes for one party to win a unit (pass the unit's leader),
 * to qualify for a round 2 (two-round: pass the second on the national sum; two-round-legislative: reach
 * 12.5 % of inscrits or the top two, and deny a round-1 election), and to win the race (weighted rules: the
 * cheapest set of units, exactly, by the knapsack of votesToFlip.ts; the tipping-point unit, the one that
 * gives the party its majority when units are taken in order of its margin).
 *
 * Votes added are new voters for the party (mobilisation: registered voters who did not vote, so inscrits
 * are unchanged; exprimés grow by the same count). Deterministic: no draw, the same answer on any machine.
 * Plain data in, plain data out (browser-safe).
 */
import { InputError, describeValue } from '../errors.js';
import type { MultiCandidateRace } from '../race/multiCandidateRace.js';
import { partyTotals } from '../race/multiCandidateRace.js';
import type { MultiCandidateRule } from '../race/multiCandidateRule.js';
import { seatsToWinFor } from '../race/plurality.js';
import { cheapestFlipSet, MAX_FLIP_SEARCH_CELLS } from './votesToFlip.js';

/** One unit where the party stands, as {@link multiCandidateFlip} sees it on the baseline. */
export interface UnitFlip {
  id: string;
  name: string;
  /** Seats or electoral votes of the unit (0 under national rules). */
  weight: number;
  /** The party's votes in the unit (its best candidate there), count. */
  votes: number;
  /** The best candidate of any other party: party code and votes; null when the party stands alone. */
  leader: { party: string; votes: number } | null;
  /** (party's votes − best other's) / valid votes of the unit, share −1..1; positive: the party leads. */
  margin: number;
  /** New votes for the party to pass the best other candidate: 0 where it leads, else their gap + 1. */
  toLead: number;
  /** two-round-legislative only: new votes to stand in round 2 (L162), 0 where it qualifies or is elected. */
  toQualify?: number;
  /** two-round-legislative only: new votes to be elected in round 1 (L126: > 50 % of exprimés, ≥ 25 % of inscrits). */
  toElect?: number;
}

/** The cheapest set of units that gives the party `seatsToWin`, exactly. */
export interface RaceFlip {
  /** Seats (electoral votes) the party holds on the baseline by the per-unit test below. */
  held: number;
  seatsToWin: number;
  /** Ids of the units to add, in unit order (empty when the party already holds the threshold). */
  units: string[];
  /** New votes in total, count. */
  votes: number;
}

/** The `flip --json` document of a multi-candidate race. */
export interface MultiCandidateFlip {
  kind: 'multi-candidate-flip';
  rule: MultiCandidateRule;
  /** The party asked about (`--candidate`), and its display name. */
  party: string;
  name: string;
  /** How votes are gained: always new voters for the party (mobilise). */
  mode: 'mobilise';
  /** National valid votes of the party and of each other party, counts, in the race's party order. */
  totals: Record<string, number>;
  /** Two-round (presidential): new votes to pass the second of the other parties nationally; 0 if a finalist. */
  qualify?: { votes: number; second: { party: string; votes: number } };
  /** Popular vote: new votes to pass the leader of the others nationally; 0 if ahead. */
  national?: { votes: number; leader: { party: string; votes: number } };
  /** Weighted rules: the cheapest set of units to reach `seatsToWin`, by leading each (plurality, electoral college) or by being elected in round 1 (two-round-legislative); null when out of reach. */
  race?: RaceFlip | null;
  /** Weighted rules: the unit that completes the majority when units are taken by the party's margin, best first; null when it stands in too few. */
  tippingPoint?: { id: string; name: string; margin: number; toLead: number } | null;
  /** Every unit where the party stands, in unit order. */
  units: UnitFlip[];
  /** Units where the party has no candidate (it cannot win them). */
  notStanding: number;
}

/** The party's best slot and the best slot of any other party in unit u: votes (−1 when absent). */
function unitBest(race: MultiCandidateRace, u: number, party: number): { ours: number; other: number; otherParty: number } {
  let ours = -1;
  let other = -1;
  let otherParty = -1;
  for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) {
    const v = race.votes[s]!;
    if (race.slotParty[s] === party) ours = Math.max(ours, v);
    else if (v > other) {
      other = v;
      otherParty = race.slotParty[s]!;
    }
  }
  return { ours, other, otherParty };
}

/**
 * New votes for a candidate with `votes` to go to round 2 of a French legislative unit (Code électoral L162,
 * L126): at least 12.5 % of inscrits, or a place in the top two when fewer than two others reach that bar;
 * and, when another candidate would be elected in round 1 (> 50 % of exprimés and ≥ 25 % of inscrits), enough
 * new exprimés to bring that candidate to at most half. 0 when the candidate already qualifies or is elected.
 *
 * @param votes The candidate's valid votes, count.
 * @param others Valid votes of every other candidate in the unit, counts.
 * @param valid Valid votes (exprimés) of the unit, with `other`, count.
 * @param registered Inscrits, count (> 0).
 * @returns New votes, count.
 * @example
 * // 1,000 inscrits, exprimés 500: 200 / 100 / 60 / 40. Only the 200 reaches 125 (12.5 %), so the 60 may
 * // pass the 100 (41 votes) rather than reach 125 (65 votes):
 * legislativeQualifyCost(60, [200, 100, 40], 500, 1000) // => 41
 * // With 300 / 100 / 60 / 40 the 300 is elected in round 1 (> 250, ≥ 250): 100 new exprimés bring it to half.
 * legislativeQualifyCost(60, [300, 100, 40], 500, 1000) // => 100
 */
export function legislativeQualifyCost(votes: number, others: readonly number[], valid: number, registered: number): number {
  const bar = Math.ceil(registered / 8);
  if (2 * votes > valid && 4 * votes >= registered) return 0;
  let deny = 0;
  for (const v of others) if (2 * v > valid && 4 * v >= registered) deny = 2 * v - valid;
  const passing = others.filter((v) => 8 * v >= registered).length;
  const sorted = [...others].sort((a, b) => b - a);
  const second = sorted[1] ?? 0;
  const byBar = Math.max(0, bar - votes);
  const byRank = passing >= 2 ? Infinity : Math.max(0, second - votes + 1);
  return Math.max(deny, Math.min(byBar, byRank));
}

/**
 * New votes for a candidate with `votes` to be elected in round 1 (L126): more than half of the exprimés
 * (which grow with the new votes) and at least a quarter of the inscrits.
 *
 * @example
 * legislativeElectCost(300, 700, 1000) // => 101 (401 > 400.5 of 801, and 401 ≥ 250)
 */
export function legislativeElectCost(votes: number, valid: number, registered: number): number {
  return Math.max(0, valid - 2 * votes + 1, Math.ceil(registered / 4) - votes);
}

/** The per-unit facts of {@link multiCandidateFlip}. */
function unitFlips(race: MultiCandidateRace, party: number, legislative: boolean): { units: UnitFlip[]; notStanding: number } {
  const units: UnitFlip[] = [];
  let notStanding = 0;
  for (let u = 0; u < race.units.ids.length; u++) {
    const { ours, other, otherParty } = unitBest(race, u, party);
    if (ours < 0) {
      notStanding++;
      continue;
    }
    const valid = race.units.valid[u]!;
    const flip: UnitFlip = {
      id: race.units.ids[u]!,
      name: race.units.names[u]!,
      weight: race.units.weight[u]!,
      votes: ours,
      leader: otherParty >= 0 ? { party: race.parties[otherParty]!, votes: other } : null,
      margin: valid > 0 ? (ours - Math.max(other, 0)) / valid : 0,
      toLead: ours > other ? 0 : other - ours + 1,
    };
    if (legislative) {
      // Every slot but the party's best one (a second candidate of the party is a rival for the places).
      const others: number[] = [];
      let skipped = false;
      for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) {
        if (!skipped && race.slotParty[s] === party && race.votes[s] === ours) skipped = true;
        else others.push(race.votes[s]!);
      }
      flip.toQualify = legislativeQualifyCost(ours, others, valid, race.units.registered[u]!);
      flip.toElect = legislativeElectCost(ours, valid, race.units.registered[u]!);
    }
    units.push(flip);
  }
  return { units, notStanding };
}

/** The cheapest set of units reaching `seatsToWin`, unit cost `cost` (0: held). */
function raceFlip(units: readonly UnitFlip[], seatsToWin: number, cost: (u: UnitFlip) => number): RaceFlip | null {
  const held = units.reduce((s, u) => s + (cost(u) === 0 ? u.weight : 0), 0);
  if (held >= seatsToWin) return { held, seatsToWin, units: [], votes: 0 };
  const open = units.filter((u) => cost(u) > 0 && u.weight > 0);
  const need = seatsToWin - held;
  const searched = open.reduce((s, u) => s + u.weight, 0);
  if (open.length * (searched + 1) > MAX_FLIP_SEARCH_CELLS) {
    throw new InputError({
      at: 'units.weight',
      expected: `weights small enough for the exact search (units × their total weight at most ${MAX_FLIP_SEARCH_CELLS.toLocaleString('en-US')}: seats or electoral votes)`,
      found: `${open.length} units the party does not hold, weighing ${searched.toLocaleString('en-US')} in all`,
    });
  }
  const best = cheapestFlipSet(open.map((u) => ({ id: u.id, weight: u.weight, cost: cost(u) })), (w) => w >= need);
  if (!best) return null;
  return { held, seatsToWin, units: best.indexes.map((i) => open[i]!.id), votes: best.cost };
}

/** The unit that completes `seatsToWin` when units are taken by the party's margin, best first (ties: unit order). */
function tippingPoint(units: readonly UnitFlip[], seatsToWin: number): MultiCandidateFlip['tippingPoint'] {
  const order = units.map((u, i) => ({ u, i })).sort((a, b) => b.u.margin - a.u.margin || a.i - b.i);
  let weight = 0;
  for (const { u } of order) {
    weight += u.weight;
    if (weight >= seatsToWin) return { id: u.id, name: u.name, margin: u.margin, toLead: u.toLead };
  }
  return null;
}

/** The best of the other parties' national totals: first (rank 0) or second (rank 1). */
function rankedOther(race: MultiCandidateRace, totals: Float64Array, party: number, rank: 0 | 1): { party: string; votes: number } {
  const others = [...totals].map((votes, p) => ({ p, votes })).filter((o) => o.p !== party).sort((a, b) => b.votes - a.votes || a.p - b.p);
  const pick = others[rank] ?? { p: -1, votes: 0 };
  return { party: pick.p >= 0 ? race.parties[pick.p]! : '', votes: pick.votes };
}

/**
 * The fewest new votes for one party to win units, to qualify for a round 2 and to win a multi-candidate race,
 * on the race's baseline votes (see the module comment for each rule's test).
 *
 * @param race The race (baseline votes, weights, inscrits).
 * @param options `rule` (the scenario's), `party` (a code of the race; default the first, ours), `seatsToWin`.
 * @returns The answer ({@link MultiCandidateFlip}); unit costs are counts of new votes.
 * @throws {InputError} a party that is not in the race (at `--candidate`), a `seatsToWin` at or below half, weights
 *   too large for the exact search (units × total weight over 67,108,864).
 * @example
 * multiCandidateFlip(france2022FirstRound, { rule: 'two-round', party: 'LFI' }).qualify
 * // => { votes: 421309, second: { party: 'RN', votes: 8133828 } }
 */
export function multiCandidateFlip(race: MultiCandidateRace, options: { rule: MultiCandidateRule; party?: string; seatsToWin?: number }): MultiCandidateFlip {
  const code = options.party ?? race.parties[0]!;
  const party = race.parties.indexOf(code);
  if (party < 0) throw new InputError({ at: '--candidate', expected: `a party of the race (${race.parties.join(', ')})`, found: describeValue(code) });
  const { rule } = options;
  const totals = new Float64Array(race.partyCount);
  partyTotals(race, race.votes, totals);
  const { units, notStanding } = unitFlips(race, party, rule === 'two-round-legislative');
  const doc: MultiCandidateFlip = {
    kind: 'multi-candidate-flip',
    rule,
    party: code,
    name: race.partyNames[party]!,
    mode: 'mobilise',
    totals: Object.fromEntries(race.parties.map((p, i) => [p, totals[i]!])),
    units,
    notStanding,
  };
  if (rule === 'two-round') {
    const second = rankedOther(race, totals, party, 1);
    doc.qualify = { votes: totals[party]! > second.votes ? 0 : second.votes - totals[party]! + 1, second };
  }
  if (rule === 'popular-vote') {
    const leader = rankedOther(race, totals, party, 0);
    doc.national = { votes: totals[party]! > leader.votes ? 0 : leader.votes - totals[party]! + 1, leader };
  }
  if (rule === 'plurality' || rule === 'electoral-college' || rule === 'two-round-legislative') {
    const totalWeight = race.units.weight.reduce((s, w) => s + w, 0);
    const seatsToWin = seatsToWinFor(totalWeight, options.seatsToWin);
    doc.race = raceFlip(units, seatsToWin, rule === 'two-round-legislative' ? (u) => u.toElect! : (u) => u.toLead);
    if (rule !== 'two-round-legislative') doc.tippingPoint = tippingPoint(units, seatsToWin);
  }
  return doc;
}
