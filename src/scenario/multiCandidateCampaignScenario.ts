/**
 * Our candidate's campaign in a multi-candidate scenario (issue 20 section 5): the scenario's
 * `campaigns.<sides[0]>` resolved exactly as a two-sided campaign (resolveCampaign: list size and
 * allocation by unit id, churn, certain share, channels and their cited priors) on the race's units seen as
 * our candidate against everyone else (race/multiCandidateCampaign.ts campaignTerritories). Browser-safe.
 */
import { InputError } from '../errors.js';
import type { Citation } from '../model/types.js';
import type { Parameters } from '../data/parameters.js';
import type { ResolvedCampaign } from '../model/resolvedScenario.js';
import type { MultiCandidateRace } from '../race/multiCandidateRace.js';
import { campaignTerritories } from '../race/multiCandidateCampaign.js';
import { failIn, resolveCampaign } from './resolveScenario.js';
import type { CampaignSpec, Scenario } from './types.js';

/**
 * The country whose channel priors apply: the scenario's `country`, else its race's, else France for a
 * race cited to the Ministère de l'Intérieur or a bundled `fr-` race, else the United States.
 *
 * @example
 * campaignCountry({ race: { bundled: 'fr-2022-president-t1' } } as Scenario, race) // => 'fr'
 */
export function campaignCountry(scenario: Scenario, race: Pick<MultiCandidateRace, 'source'>): 'us' | 'fr' {
  const given = scenario.country ?? scenario.race?.country;
  if (given === 'us' || given === 'fr') return given;
  return scenario.race?.bundled?.startsWith('fr-') || /Minist[eè]re de l'Int[ée]rieur/i.test(race.source) ? 'fr' : 'us';
}

/**
 * Resolves our candidate's campaign: `spec` if given, else the scenario's `campaigns.<party 0>`; undefined
 * when neither is given.
 *
 * @param scenario The validated scenario (its `campaigns`, `country`, `salience`).
 * @param race The race (party 0 is ours).
 * @param parameters data/parameters.json (channel priors, churn, homophily).
 * @param file The scenario file, for messages.
 * @param spec A campaign to resolve instead of the scenario's (value's and allocate's variants).
 * @returns The resolved campaign and the citations of the defaults it took (keys `campaigns.<party>.…`).
 * @throws {InputError} a campaign for another candidate than ours (`campaigns.<code>`), an allocation naming
 *   a unit the race does not have, a bad channel or prior (as the two-sided engine).
 * @example
 * resolveMultiCandidateCampaign(scenario, president2022, parameters, 'x.yaml')?.campaign.listSize // => 1000000
 */
export function resolveMultiCandidateCampaign(
  scenario: Scenario,
  race: MultiCandidateRace,
  parameters: Parameters,
  file?: string,
  spec?: CampaignSpec,
): { campaign: ResolvedCampaign; citations: Record<string, Citation> } | undefined {
  const ours = race.parties[0]!;
  for (const key of Object.keys(scenario.campaigns ?? {})) {
    if (key !== ours) {
      throw new InputError({ file, at: `campaigns.${key}`, expected: `a campaign for our candidate ${ours} only (sides[0]): a multi-candidate race runs one candidate's campaign`, found: key });
    }
  }
  const raw = spec ?? scenario.campaigns?.[ours];
  if (raw === undefined) return undefined;
  const citations: Record<string, Citation> = {};
  const campaign = resolveCampaign(failIn(file), raw, `campaigns.${ours}`, {
    file,
    side: ours,
    country: campaignCountry(scenario, race),
    salience: scenario.salience ?? 'high',
    territories: campaignTerritories(race),
    parameters,
    citations,
    resultsSource: race.source,
  });
  return { campaign, citations };
}
