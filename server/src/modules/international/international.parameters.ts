// The international side's data (issue 8): dated parameters with citations (./parameters, same
// format and loader as the criteria parameters), the world regions (the shared reference table
// server/src/db/reference/world_regions.json, read here, never copied) and the starter list of
// host organisations (./data/organisations.json). Pure loading: no database.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParameters, type ParameterSet } from '../criteria/parameters.ts';
import type { DispatchOutcome, HostType } from '../../../../common/src/schemas/international.schema.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const internationalParametersDir = join(here, 'parameters');
export const internationalDataDir = join(here, 'data');
const worldRegionsFile = join(here, '..', '..', 'db', 'reference', 'world_regions.json');

export interface CodeLabel {
  code: string;
  ja: string;
  en: string;
}
export interface OutcomeKind extends CodeLabel {
  code: DispatchOutcome;
  /** false: counts among those who did not resume duty (資料8 （ ）) */
  resumed: boolean;
}
export interface RegionRow {
  code: string;
  name_ja: string;
  name_en: string;
  sort_order: number;
}
export interface OrganisationRow {
  code: string;
  name_ja: string;
  name_en: string;
  host_type: HostType;
  region: string;
  seat: string;
  source: string;
}

/** Everything the pure rules need, resolved once (and replaceable in tests). */
export interface InternationalContext {
  params: ParameterSet;
  regions: readonly RegionRow[];
  organisations: readonly OrganisationRow[];
}

export const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

let cached: InternationalContext | undefined;
export function internationalContext(): InternationalContext {
  return (cached ??= {
    params: loadParameters(internationalParametersDir),
    regions: readJson<{ rows: RegionRow[] }>(worldRegionsFile).rows,
    organisations: readJson<{ rows: OrganisationRow[] }>(join(internationalDataDir, 'organisations.json')).rows,
  });
}

export const hostTypesAsOf = (ctx: InternationalContext, asOf: string): CodeLabel[] =>
  ctx.params.resolve<CodeLabel[]>('dispatch.host_types', asOf).value;
export const outcomeKindsAsOf = (ctx: InternationalContext, asOf: string): OutcomeKind[] =>
  ctx.params.resolve<OutcomeKind[]>('dispatch.outcome_kinds', asOf).value;
