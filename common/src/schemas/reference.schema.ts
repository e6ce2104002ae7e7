import { z } from 'zod';

export const organisationSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(['ministry', 'execution_agency']),
  nameJa: z.string(),
  nameEn: z.string(),
  hrOfficeJa: z.string().nullable(),
  hrOfficeEn: z.string().nullable(),
  phone: z.string().nullable(),
  parentCode: z.string().nullable(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export type OrgUnitNode = {
  id: number;
  code: string;
  kind: 'bureau' | 'division' | 'regional_office' | 'office';
  nameJa: string;
  nameEn: string;
  children: OrgUnitNode[];
};
export const orgUnitNodeSchema: z.ZodType<OrgUnitNode> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    code: z.string(),
    kind: z.enum(['bureau', 'division', 'regional_office', 'office']),
    nameJa: z.string(),
    nameEn: z.string(),
    children: z.array(orgUnitNodeSchema),
  }),
);

export const organisationTreeSchema = organisationSchema.extend({ units: z.array(orgUnitNodeSchema) });

export const legalEntityTypeSchema = z.object({
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  starred: z.boolean(),
  eligible: z.boolean(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  citation: z.string(),
});
export const industrySchema = z.object({
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  statGroupJa: z.string(),
  statGroupEn: z.string(),
});
export const prefectureSchema = z.object({
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  regionJa: z.string(),
  regionEn: z.string(),
});
export const worldRegionSchema = z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() });

export const referenceBundleSchema = z.object({
  legalEntityTypes: z.array(legalEntityTypeSchema),
  industries: z.array(industrySchema),
  prefectures: z.array(prefectureSchema),
  worldRegions: z.array(worldRegionSchema),
});
export type ReferenceBundle = z.infer<typeof referenceBundleSchema>;
