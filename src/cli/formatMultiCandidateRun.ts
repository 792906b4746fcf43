/**
 * The text `campaign-lab run` prints for a multi-candidate race: one row per candidate (ours first) with the
 * columns its rule gives (P(win), P(qualify), seats with 90 % interval, P(majority), P(most seats)); and the
 * text of `value` and `compare` on such a race (our candidate's campaign plans, paired changes).
 */
import type { MultiCandidateRunDocument } from '../race/multiCandidateDocument.js';
import type { MultiCandidateAllocateDocument, MultiCandidateCompareDocument, MultiCandidateValueDocument, PlanObjective } from '../node/multiCandidateCampaignRuns.js';
import type { PairedChange, PlanOutcome } from '../race/multiCandidatePlans.js';

const percent = (p: number | null) => (p === null ? '' : `${(100 * p).toFixed(1)}%`);

/**
 * Formats a multi-candidate run document as a table in text.
 *
 * @example
 * formatMultiCandidateRun(doc).split('\n')[0] // => 'Canada 2011: plurality, 308 units, 5 candidates, 20,000 simulated elections (seed 2011)'
 */
export function formatMultiCandidateRun(doc: MultiCandidateRunDocument): string {
  const u = doc.uncertainty;
  const lines = [
    `${doc.name}: ${doc.rule}, ${doc.unitCount.toLocaleString('en-US')} units, ${doc.candidates.length} candidates, ${doc.simulations.toLocaleString('en-US')} simulated elections (seed ${doc.seed})`,
    `Race: ${doc.source}`,
    `Errors (log-ratio, pp of two-party margin): national ${u.national}, regional ${u.regional}, unit ${u.unit}, national t with ${u.tails} degrees of freedom`,
    '',
  ];
  const columns: [string, (c: MultiCandidateRunDocument['candidates'][number]) => string][] = [
    ['candidate', (c) => (c.name === c.party ? c.party : `${c.name} (${c.party})`)],
    ['votes', (c) => `${(100 * c.share).toFixed(1)}%`],
  ];
  if (doc.candidates.some((c) => c.pQualify !== null)) columns.push(['P(round 2)', (c) => percent(c.pQualify)]);
  columns.push([doc.totalSeats === null ? 'P(win)' : 'P(majority)', (c) => percent(c.pWin)]);
  if (doc.totalSeats !== null) {
    columns.push(['seats mean [90%]', (c) => `${c.seats!.mean.toFixed(1)} [${c.seats!.low}–${c.seats!.high}]`]);
    columns.push(['P(most seats)', (c) => percent(c.pMostSeats)]);
  }
  const cells = [columns.map(([h]) => h), ...doc.candidates.map((c) => columns.map(([, f]) => f(c)))];
  const widths = columns.map((_, j) => Math.max(...cells.map((r) => r[j]!.length)));
  for (const row of cells) lines.push(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  ').trimEnd());
  lines.push('');
  if (doc.totalSeats !== null) lines.push(`Majority: ${doc.seatsToWin} of ${doc.totalSeats} seats; no party at a majority in ${percent(doc.pNoWinner)} of simulated elections`);
  else lines.push(`No winner (an exact tie) in ${percent(doc.pNoWinner)} of simulated elections`);
  if (doc.transfers && doc.transfers.assumedRows.length > 0) lines.push(`Transfers between the rounds assumed (no survey row) for: ${doc.transfers.assumedRows.join(', ')}`);
  if (doc.campaign) lines.push(campaignLine(doc.campaign));
  for (const note of doc.notes) lines.push(`Note: ${note}`);
  return lines.join('\n') + '\n';
}

/** The run's line on our campaign against none, paired (MultiCandidateRunDocument.campaign). */
function campaignLine(c: NonNullable<MultiCandidateRunDocument['campaign']>): string {
  const change = (label: string, x: { mean: number; low: number; high: number }, seats: boolean) =>
    `${label} ${signed(x.mean, seats)} ${seats ? 'seats' : 'pp'} (90% ${signed(x.low, seats)} to ${signed(x.high, seats)})`;
  const parts = [change('P(win)', c.pWin, false)];
  if (c.pQualify) parts.push(change('P(round 2)', c.pQualify, false));
  if (c.seats) parts.push(change('seats', c.seats, true));
  const who = c.name === c.party ? c.party : `${c.name} (${c.party})`;
  return `Campaign for ${who}, against none on the same elections: nets ${Math.round(c.netVotes).toLocaleString('en-US')} votes per election; ${parts.join(', ')}`;
}

/** A signed change in pp of a probability (share 0–1), or in seats. */
function signed(x: number, seats: boolean): string {
  const v = seats ? x : 100 * x;
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
}

/** The objective's words and its change with the 90 % interval. */
function objectiveText(objective: PlanObjective, name: string): string {
  return objective === 'pQualify' ? `P(${name} reaches round 2)` : objective === 'seats' ? `${name}'s expected seats` : `P(${name} wins)`;
}

/** One change with its interval, as `+1.20 pp (90% +0.80 to +1.60)`. */
function changeText(c: PairedChange | null, seats: boolean): string {
  if (!c) return '';
  return `${signed(c.mean, seats)}${seats ? ' seats' : ' pp'} (90% ${signed(c.low, seats)} to ${signed(c.high, seats)})`;
}

/** Our outcome as `P(win) 10.0%, P(round 2) 34.1%, seats 166.0`. */
function outcomeText(o: PlanOutcome): string {
  return [`P(win) ${percent(o.pWin)}`, ...(o.pQualify !== null ? [`P(round 2) ${percent(o.pQualify)}`] : []), ...(o.seats !== null ? [`seats ${o.seats.toFixed(1)}`] : [])].join(', ');
}

/**
 * `value` on a multi-candidate race as text: our outcome, then the units ranked by the objective's change
 * (paired, 90 % Monte Carlo intervals), the first `limit` of them.
 *
 * @example
 * formatMultiCandidateValue(doc).split('\n')[0] // => 'Adding 100,000 LFI supporters in each unit: change in P(Jean-Luc Mélenchon reaches round 2), 2,000 paired simulations, seed 2022'
 */
export function formatMultiCandidateValue(doc: MultiCandidateValueDocument, limit = 15): string {
  const seats = doc.objective === 'seats';
  const lines = [
    `Adding ${doc.add.toLocaleString('en-US')} ${doc.party} supporters in each unit: change in ${objectiveText(doc.objective, doc.name)}, ${doc.simulations.toLocaleString('en-US')} paired simulations, seed ${doc.seed}`,
    `With the scenario's campaign: ${outcomeText(doc.base)}. Intervals: 90% of the paired simulated elections (Monte Carlo only).`,
    '',
    `${'rank'.padStart(4)}  ${'unit'.padEnd(28)} ${'added'.padStart(10)}  ${seats ? 'Δseats [90%]' : 'Δ pp [90%]'}${doc.objective !== 'pWin' ? '   ΔP(win) pp' : ''}`,
  ];
  doc.units.slice(0, limit).forEach((r, i) => {
    const main = doc.objective === 'pQualify' ? r.change.pQualify : doc.objective === 'seats' ? r.change.seats : r.change.pWin;
    const win = doc.objective !== 'pWin' ? `   ${signed(r.change.pWin.mean, false)}` : '';
    lines.push(`${String(i + 1).padStart(4)}  ${r.name.slice(0, 28).padEnd(28)} ${Math.round(r.added).toLocaleString('en-US').padStart(10)}  ${changeText(main, seats)}${win}`);
  });
  if (doc.units.length > limit) lines.push(`  … ${doc.units.length - limit} more (--json for all)`);
  return lines.join('\n') + '\n';
}

/**
 * `compare` on a multi-candidate race as text: our outcome under the scenario's campaign and the variant's,
 * and the paired changes with 90 % intervals.
 *
 * @example
 * formatMultiCandidateCompare(doc).split('\n')[0] // => 'Scenario vs variant (campaigns.LFI.listSize=5e6) for Jean-Luc Mélenchon (LFI), 2,000 paired simulations, seed 2022'
 */
export function formatMultiCandidateCompare(doc: MultiCandidateCompareDocument): string {
  const d = doc.difference;
  const main = doc.objective === 'pQualify' ? d.pQualify! : doc.objective === 'seats' ? d.seats! : d.pWin;
  const verdict = main.low > 0 ? 'the variant is better' : main.high < 0 ? 'the variant is worse' : 'not distinguishable at this number of simulations';
  const lines = [
    `Scenario vs variant (${doc.changes.join(', ')}) for ${doc.name === doc.party ? doc.party : `${doc.name} (${doc.party})`}, ${doc.simulations.toLocaleString('en-US')} paired simulations, seed ${doc.seed}`,
    `  scenario  ${outcomeText(doc.base)}; campaign nets ${Math.round(doc.base.netVotes).toLocaleString('en-US')} votes on average`,
    `  variant   ${outcomeText(doc.variant)}; campaign nets ${Math.round(doc.variant.netVotes).toLocaleString('en-US')} votes on average`,
    `  ΔP(win)   ${changeText(d.pWin, false)}; ${d.pWin.gained} elections gained, ${d.pWin.lost} lost`,
  ];
  if (d.pQualify) lines.push(`  ΔP(round 2) ${changeText(d.pQualify, false)}; ${d.pQualify.gained} gained, ${d.pQualify.lost} lost`);
  if (d.seats) lines.push(`  Δseats    ${changeText(d.seats, true)}`);
  lines.push(`  ${objectiveText(doc.objective, doc.name)}: ${verdict}`, '');
  return lines.join('\n');
}

/**
 * `allocate` on a multi-candidate race as text: the optimum and proportional plans against the scenario's
 * campaign, paired, with where the optimum put the supporters.
 *
 * @example
 * formatMultiCandidateAllocate(doc).split('\n')[0] // => 'Budget 1,000,000 at 5 per supporter: 200,000 LFI supporters, 2,000 paired simulations, seed 2022'
 */
export function formatMultiCandidateAllocate(doc: MultiCandidateAllocateDocument): string {
  const seats = doc.objective === 'seats';
  const lines = [
    `Budget ${doc.budget.toLocaleString('en-US')} at ${doc.costPerSupporter} per supporter: ${Math.round(doc.supporters).toLocaleString('en-US')} ${doc.party} supporters, ${doc.simulations.toLocaleString('en-US')} paired simulations, seed ${doc.seed}`,
    `Nothing bought: ${outcomeText(doc.base)}. Change in ${objectiveText(doc.objective, doc.name)} against it, 90% paired intervals:`,
  ];
  for (const p of doc.plans) {
    const main = doc.objective === 'pQualify' ? p.change.pQualify : doc.objective === 'seats' ? p.change.seats : p.change.pWin;
    lines.push(`  ${p.name.padEnd(13)} ${changeText(main, seats)}; ${outcomeText(p.outcome)}`);
  }
  const optimum = doc.plans[0]!;
  const where = Object.entries(optimum.allocation).sort((a, b) => b[1] - a[1]);
  lines.push(`  optimum puts: ${where.length > 0 ? where.map(([id, n]) => `${id} ${Math.round(n).toLocaleString('en-US')}`).join(', ') : 'nothing'}`);
  for (const note of doc.notes) lines.push(`Note: ${note}`);
  return lines.join('\n') + '\n';
}
