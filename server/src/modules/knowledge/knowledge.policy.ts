// Who may do what with the knowledge pages. Reading published pages is public (route permission
// 'public'); the route permission knowledge:edit admits the NPA and the center to editing, and the
// pages have no record-level owner, so the rule here only restates it for the service's own check.
// Unpublished pages exist only for editors: to everyone else they are not found.
import type { Actor } from '../../platform/context.ts';

export const knowledgePolicy = {
  edit: (a: Actor) => a.role === 'npa' || a.role === 'center',
  /** An unpublished page is read only by editors. */
  read: (a: Actor | null, page: { published: boolean }) => page.published || (a !== null && knowledgePolicy.edit(a)),
};
