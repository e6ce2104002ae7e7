// Arbitraries for koryu schemas whose refinements random data almost never passes.
import fc from 'fast-check';
import { corporateNumberSchema } from '../../../../common/src/schemas/companies.schema.ts';
import { makeCorporateNumber } from '../../../../common/src/corporate-number.ts';

/** 法人番号 with a correct check digit (and sometimes typed with hyphens or full-width digits, as the schema allows). */
export const corporateNumberArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.constantFrom('plain', 'hyphen', 'fullwidth'))
  .map(([n, style]) => {
    const c = makeCorporateNumber(String(n).padStart(12, '0'));
    if (style === 'hyphen') return `${c.slice(0, 1)}-${c.slice(1, 5)}-${c.slice(5, 9)}-${c.slice(9)}`;
    if (style === 'fullwidth') return c.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    return c;
  });

export const koryuOverrides: ReadonlyMap<unknown, fc.Arbitrary<unknown>> = new Map<unknown, fc.Arbitrary<unknown>>([[corporateNumberSchema, corporateNumberArb]]);
