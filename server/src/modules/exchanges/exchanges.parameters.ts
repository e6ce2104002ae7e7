// The exchange workflow's dated parameters: its own (./parameters) plus the criteria's (the
// duration limits), resolved through one set.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultParameters, loadParameters, parameterSet, type ParameterSet } from '../criteria/parameters.ts';

export const exchangeParametersDir = join(dirname(fileURLToPath(import.meta.url)), 'parameters');

let cached: ParameterSet | undefined;
export const exchangeParameters = (): ParameterSet =>
  (cached ??= parameterSet([...defaultParameters().all, ...loadParameters(exchangeParametersDir).all]));
