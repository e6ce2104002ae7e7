import { useEffect, useState } from 'react';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { api, ApiError, unexpectedError } from '../../api.ts';
import { pick, type Lang } from '../../i18n.ts';

export type LegalEntityType = ReferenceBundle['legalEntityTypes'][number];
export type Industry = ReferenceBundle['industries'][number];
export type Prefecture = ReferenceBundle['prefectures'][number];

let cached: Promise<ReferenceBundle> | null = null;

function load(): Promise<ReferenceBundle> {
  cached ??= api.get<ReferenceBundle>('/api/reference').catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

/** Reference lists change rarely: fetched once per page load and shared. */
export function useReference(): { data: ReferenceBundle | undefined; error: ApiError | undefined; retry: () => void } {
  const [data, setData] = useState<ReferenceBundle>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : unexpectedError()));
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    data,
    error,
    retry: () => {
      setError(undefined);
      setAttempt((a) => a + 1);
    },
  };
}

/** Types eligible on the given day (the list changed in December 2022). */
export function eligibleLegalTypes(types: LegalEntityType[], onDate: string): LegalEntityType[] {
  return types.filter((t) => t.eligible && t.effectiveFrom <= onDate && (t.effectiveTo === null || t.effectiveTo >= onDate));
}

export type Lookup = {
  legalType: (code: string | null | undefined) => string;
  industry: (code: string | null | undefined) => string;
  prefecture: (code: string | null | undefined) => string;
};

export function makeLookup(ref: ReferenceBundle | undefined, lang: Lang): Lookup {
  const index = <T extends { code: string; nameJa: string; nameEn: string }>(rows: T[] | undefined) => {
    const m = new Map<string, string>();
    for (const r of rows ?? []) m.set(r.code, pick(lang, r.nameJa, r.nameEn));
    return (code: string | null | undefined) => (code ? (m.get(code) ?? code) : '');
  };
  return {
    legalType: index(ref?.legalEntityTypes),
    industry: index(ref?.industries),
    prefecture: index(ref?.prefectures),
  };
}
