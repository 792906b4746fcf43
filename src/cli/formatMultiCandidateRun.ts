/**
 * The text `campaign-lab run` prints for a multi-candidate race: one row per candidate (ours first) with the
 * columns its rule gives (P(win), P(qualify), seats with 90 % interval, P(majority), P(most seats)).
 */
import type { MultiCandidateRunDocument } from '../race/multiCandidateDocument.js';

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
  for (const note of doc.notes) lines.push(`Note: ${note}`);
  return lines.join('\n') + '\n';
}
