/**
 * Reads the race of a multi-candidate scenario (Node-only edge): a bundled race (`race.bundled`), a `table`
 * race file with every candidate column kept, or, when the scenario asks for the K-candidate engine, a
 * Ministry or MEDSL file read with every candidate (loadMultiCandidateRaceFile; `race.year`, `office`,
 * `district`, `special`, `runoff`, `stage` pick a MEDSL race). Called by the scenario loader (readScenarioFiles) before the
 * two-candidate reader, so that a table of three or more candidates is never read as two sides and `other`.
 */
import Papa from 'papaparse';
import { InputError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import { multiCandidateReason, type LoadedMultiCandidateRace } from '../scenario/multiCandidateScenario.js';
import { detectRaceFormat } from '../data/race/parseRaceFile.js';
import { TABLE_RESERVED_COLUMNS } from '../data/race/parseRaceTable.js';
import { buildTableRace } from '../race/tableRace.js';
import { defaultTransferPrior } from '../race/transferPrior.js';
import type { MultiCandidateRace } from '../race/multiCandidateRace.js';
import { loadLegislativeRace, loadMultiCandidateRaceFile, loadPresidentialRace, loadTableRace, loadTransferPrior } from './data/loadMultiCandidateRace.js';
import { readRaceGrid } from './readRaceFile.js';
import { besideScenario } from './readInputFile.js';

/**
 * The multi-candidate race of a scenario, or undefined when the scenario stays two-candidate (no bundled race,
 * no multi-candidate rule or scale, and a race file that is not a table of three or more candidates).
 *
 * @param scenario The validated scenario (with `race`).
 * @param path The scenario file's path (race files are read beside it).
 * @param shown The scenario's name in messages.
 * @returns The race (parties ordered: `sides` first, then by national votes), its transfer prior, notes.
 * @throws {InputError} a side that is not a party of the race (at `sides.N`), an unreadable or malformed race
 *   file (file, line, column), a MEDSL file that holds several races and no `race` key picking one.
 * @example
 * (await readMultiCandidateRace(canadaScenario, 'scenarios/canada-2011.yaml', 'canada-2011.yaml'))?.race.parties // => ['CPC', 'NDP', 'LPC', 'BQ', 'GPC']
 */
export async function readMultiCandidateRace(scenario: Scenario, path: string, shown: string): Promise<LoadedMultiCandidateRace | undefined> {
  const spec = scenario.race;
  if (!spec) return undefined;
  const order = scenario.sides;
  if (spec.bundled !== undefined) return withSides(() => bundledRace(spec.bundled!, order), shown);
  const byKeys = multiCandidateReason(scenario);
  // Ministry and MEDSL files named as such stay with the two-candidate reader unless the scenario asks for the engine.
  if (!byKeys && spec.format !== undefined && spec.format !== 'auto' && spec.format !== 'table') return undefined;
  const file = spec.file!;
  const grid = await readRaceGrid(besideScenario(path, file), besideScenario(shown, file), spec.format === undefined || spec.format === 'auto');
  const format = spec.format === undefined || spec.format === 'auto' ? detectRaceFormat(grid.header, grid.file) : spec.format;
  // A column `race.weights` names holds weights, not votes.
  const candidates = grid.header.filter((h) => !(TABLE_RESERVED_COLUMNS as readonly string[]).includes(h.toLowerCase()) && h !== spec.weights);
  if (format === 'table' && (candidates.length >= 3 || byKeys)) {
    if (spec.weights !== undefined) throw new InputError({ file: shown, at: 'race.weights', expected: 'absent for a multi-candidate table (its weight column gives the seats)', found: String(spec.weights) });
    const text = Papa.unparse([grid.header, ...grid.records.map((r) => r.cells)], { newline: '\n' });
    const race = withSides(() => buildTableRace({ file: grid.file, text }, { order, source: `${file} (table)` }), shown);
    const notes = [`${file}: a table of ${race.race.partyCount} candidates (${race.race.parties.join(', ')}), every one kept`];
    return { ...race, notes: [...notes, ...race.notes] };
  }
  if (byKeys && format !== 'table') return ministryOrMedslRace(scenario, path, shown);
  return undefined;
}

/** A Ministry or MEDSL file read with every candidate (loadMultiCandidateRaceFile); transfers are the defaults. */
async function ministryOrMedslRace(scenario: Scenario, path: string, shown: string): Promise<LoadedMultiCandidateRace> {
  const spec = scenario.race!;
  const file = spec.file!;
  const picks = { year: spec.year, office: spec.office, district: spec.district, special: spec.special, runoff: spec.runoff, stage: spec.stage };
  const chosen = Object.fromEntries(Object.entries(picks).filter(([, value]) => value !== undefined));
  let race: MultiCandidateRace;
  try {
    race = await loadMultiCandidateRaceFile(besideScenario(path, file), { ...chosen, order: scenario.sides, shownPath: besideScenario(shown, file) });
  } catch (error) {
    throw asSidesError(error, shown);
  }
  const transfers = defaultTransferPrior(race.parties);
  return { race, transfers, notes: [`${file}: ${race.source}, ${race.partyCount} parties, every one kept`] };
}

/** A bundled race with `order` first; transfers from the 2022 survey for the presidential round, else the defaults. */
function bundledRace(name: NonNullable<NonNullable<Scenario['race']>['bundled']>, order: readonly string[]): LoadedMultiCandidateRace {
  let race: MultiCandidateRace;
  if (name === 'fr-2022-president-t1') {
    race = loadPresidentialRace({ year: 2022, order });
    const transfers = loadTransferPrior(race.parties, 2022);
    return { race, transfers, notes: [`bundled race ${name}: ${race.source}`, 'transfers: 2022 reports de voix of Ipsos / Sopra Steria (Mélenchon, Jadot, Pécresse) and Ifop / Fiducial (Zemmour) (data/fr_transfers.json); rows no survey measures are assumed', ...transfers.notes] };
  }
  race = name === 'fr-2022-legislatives-t1-circonscriptions' ? loadLegislativeRace({ order }) : loadTableRace(name, { order });
  const transfers = defaultTransferPrior(race.parties);
  return { race, transfers, notes: [`bundled race ${name}: ${race.source}`] };
}

/** Runs a race builder, naming a side that is not a party of the race as `sides.N` of the scenario. */
function withSides(build: () => MultiCandidateRace | LoadedMultiCandidateRace, shown: string): LoadedMultiCandidateRace {
  try {
    const built = build();
    return 'race' in built ? built : { race: built, notes: [] };
  } catch (error) {
    throw asSidesError(error, shown);
  }
}

/** A race builder's error about `order[N]` as the scenario's `sides.N`; any other error unchanged. */
function asSidesError(error: unknown, shown: string): unknown {
  const at = error instanceof InputError ? /^order\[(\d+)\]$/.exec(error.details.at ?? '') : null;
  return at && error instanceof InputError ? new InputError({ ...error.details, file: shown, at: `sides.${at[1]}` }) : error;
}

