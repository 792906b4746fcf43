/**
 * The multi-candidate races of issue 20 for notebooks and scripts, as one namespace of the public API
 * (`lab.multiCandidate.…`): the bundled races and transfer surveys, the simulation, its document, and the
 * charts, and votes-to-flip per candidate. `campaign-lab run` and `flip` run the same code on a scenario file.
 */
export { loadTableRace, loadLegislativeRace, loadPresidentialRace, loadTransferPrior } from './data/loadMultiCandidateRace.js';
export { simulateMultiCandidate } from '../race/simulateMultiCandidate.js';
export { multiCandidateDocument, unitOutcomes } from '../race/multiCandidateDocument.js';
export { runMultiCandidateScenario, multiCandidateTerritoriesCsv } from './runMultiCandidateScenario.js';
export { candidateProbabilities } from '../charts/candidateProbabilities.js';
export { seatHistogram } from '../charts/seatHistogram.js';
export { transferMatrix } from '../charts/transferMatrix.js';
// Our candidate's campaign on a multi-candidate race (issue 20 section 5): resolve it from a scenario's
// `campaigns` spec, prepare it, and compare plans on the same simulated elections.
export { createMultiCandidateCampaign, campaignTerritories } from '../race/multiCandidateCampaign.js';
export { simulateMultiCandidatePlans } from '../race/multiCandidatePlans.js';
export { resolveMultiCandidateCampaign } from '../scenario/multiCandidateCampaignScenario.js';
export { emptyCampaign } from '../model/emptyCampaign.js';
// flip on a multi-candidate race: the fewest new votes for one candidate to win units, reach round 2 or win.
export { multiCandidateFlip } from '../analysis/multiCandidateFlip.js';
