/**
 * A toy engine for analysis tests: a resolved scenario with a few territories and a run function with
 * exact common random numbers (the normal draw of draw d, unit i depends only on seed, d and i).
 * Extra votes = kept list members × effect of each switched-on channel (pp / 100) × coverage × contact
 * rate; margins in pp get a normal error with SD `uncertainty.territory`. Independent of src/sim.
 */
import type { ResolvedScenario, ResolvedCampaign } from '../../src/scenario/types.js';
import type { SimulationResult } from '../../src/sim/types.js';
import { resultFromMargins, seededNormal } from './fixtures.js';

export function toyCampaign(allocation: Record<string, number>, channels: ResolvedCampaign['channels'] = {}): ResolvedCampaign {
  const listSize = Object.values(allocation).reduce((s, x) => s + x, 0);
  return {
    listSize, allocation, churn: 0, yearsSinceCollected: 0, retention: 1,
    certainShare: Object.fromEntries(Object.keys(allocation).map((k) => [k, 0])), volunteers: 0, channels,
  };
}

export function toyScenario(rows: Array<[string, number, number, number]>, sd: number, campaigns: ResolvedScenario['campaigns']): ResolvedScenario {
  return {
    name: 'toy', country: 'custom', year: 2000, rule: 'electoral-college', sides: ['D', 'R'], simulations: 1, seed: 1, threads: 1,
    salience: 'high',
    uncertainty: { national: 0, regional: 0, territory: sd, tails: 5, correlation: 'independent' },
    territories: rows.map(([id, weight, d, r]) => ({ id, name: id, weight, region: '(none)', votes: { D: d, R: r }, other: 0, eligible: 0 })),
    campaigns, citations: {}, resultsSource: 'toy',
  };
}

/** Extra votes per kept member: sum over channels of coverage × contactRate × effect.central / 100. */
function votesPerMember(c: ResolvedCampaign): number {
  let v = 0;
  for (const ch of Object.values(c.channels)) if (ch) v += ch.coverage * ch.contactRate * ch.effect.central / 100;
  return v;
}

/** Draws stored per seed so the same seed reuses exactly the same normals. */
export function toyRun(seed: number, simulations: number): (s: ResolvedScenario) => SimulationResult {
  const cache = new Map<number, number[][]>();
  return (s) => {
    const units = s.territories.length;
    let z = cache.get(units);
    if (!z) {
      const normal = seededNormal(seed);
      z = Array.from({ length: simulations }, () => Array.from({ length: units }, () => normal()));
      cache.set(units, z);
    }
    const [a, b] = s.sides;
    const margins = z.map((row) =>
      row.map((e, i) => {
        const t = s.territories[i];
        const ea = (s.campaigns[a]?.allocation[t.id] ?? 0) * (s.campaigns[a]?.retention ?? 1) * votesPerMember(s.campaigns[a]);
        const eb = (s.campaigns[b]?.allocation[t.id] ?? 0) * (s.campaigns[b]?.retention ?? 1) * votesPerMember(s.campaigns[b]);
        const A = t.votes[a] + ea, B = t.votes[b] + eb;
        return (100 * (A - B)) / (A + B) + s.uncertainty.territory * e;
      }),
    );
    return resultFromMargins(margins, s.territories.map((t) => t.weight), s.territories.map((t) => t.id), seed);
  };
}

/** A channel with a fixed effect (pp), full coverage and contact. */
export function toyChannel(effect: number, costPerContact = 1) {
  return { coverage: 1, contactRate: 1, effect: { central: effect, low: effect, high: effect }, persuasion: { central: 0, low: 0, high: 0 }, costPerContact, contacts: 1, saturation: null, contactsPerVolunteer: 0 };
}
