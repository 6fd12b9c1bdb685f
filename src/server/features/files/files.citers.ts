/**
 * The registry of features citing uploaded files: each re-exports its lookup's
 * `unitsCitingFile(db, fileId)` under its own name. Staff whose scope covers any unit one of them
 * names may open the file (files.service `canReadFile`). Adding a feature is one line here.
 *
 * A static list of re-exports rather than registration at start-up: nothing has to run before the
 * first request (tests build the app many ways), the compiler checks every entry's type
 * (`FILE_CITERS` below), and there is no import cycle — a lookup only imports its own queries, never
 * the files feature, even though those features' services import `files.service`.
 */
export { unitsCitingFile as assessment } from '../assessment/assessment.lookup';
export { unitsCitingFile as funds } from '../funds/funds.lookup';
export { unitsCitingFile as meetings } from '../meetings/meetings.lookup';
export { unitsCitingFile as plan } from '../plan/plan.lookup';
export { unitsCitingFile as standards } from '../standards/standards.lookup';
export { unitsCitingFile as training } from '../training/training.lookup';
export { unitsCitingFile as campaigns } from '../campaigns/campaigns.lookup';
export { unitsCitingFile as market } from '../market/market.lookup';
export { unitsCitingFile as showcase } from '../showcase/showcase.lookup';
export { unitsCitingFile as news } from '../news/news.lookup';
