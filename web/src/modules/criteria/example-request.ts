import type { CriteriaRequest } from './criteria.api.ts';

// The pamphlet's example (交流基準の概要): the director of the division with jurisdiction over a
// company cannot be dispatched to it. The same facts as the engine's case
// `licensing.pamphlet_director_with_jurisdiction` (server/src/modules/criteria/cases).
export const pamphletExample: CriteriaRequest = {
  exchange: {
    direction: 'dispatch',
    organisationId: 'meti',
    unitId: 'u-div1',
    companyId: 'c1',
    personId: 'p1',
    plannedStart: '2026-04-01',
    plannedEnd: '2029-03-31',
  },
  facts: {
    companies: [
      {
        id: 'c1',
        name: '株式会社サンプル',
        legalTypeCode: 'kabushiki_kaisha',
        capitalYen: 100_000_000,
        employees: 50,
        parentId: null,
        sales: [2020, 2021, 2022, 2023, 2024, 2025].map((fiscalYear) => ({ fiscalYear, amountYen: 1_000_000_000 })),
      },
    ],
    postHistory: [{ unitId: 'u-div1', title: '○○課長', from: '2025-04-01', to: '2026-03-31', licensingCompanyIds: ['c1'] }],
    contractInvolvements: [],
    contracts: [],
    sanctions: [],
    jurisdictions: [],
    priorExchanges: [],
    divisions: [],
  },
};

export const exampleText = (): string => JSON.stringify(pamphletExample, null, 2);
