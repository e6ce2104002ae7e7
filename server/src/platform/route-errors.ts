// The error responses a route documents in its schema: each status maps to the one error body
// (a code with ja/en messages, see errors.ts), so routes list statuses instead of repeating it.
import { errorResponseSchema } from '../../../common/src/schemas/common.schema.ts';

export function errorResponses<const S extends number>(...statuses: S[]): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponseSchema])) as Record<S, typeof errorResponseSchema>;
}
