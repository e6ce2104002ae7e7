import type {
  KnowledgeCreate,
  KnowledgeHistory,
  KnowledgeList,
  KnowledgePage,
  KnowledgeSection,
  KnowledgeUpdate,
  KnowledgeVersion,
  QaList,
} from '../../../../common/src/schemas/knowledge.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api } from '../../api.ts';

// The knowledge pages (server/src/modules/knowledge/knowledge.routes.ts): public reading and the
// Q&A search without login, and editing with history for the NPA and the center (knowledge:edit in
// server/src/platform/permissions.ts; the server enforces it, the screens only avoid offering it).

export type { KnowledgeHistory, KnowledgeList, KnowledgePage, KnowledgeSection, KnowledgeVersion, QaList };
export type QaFilters = { q: string; audience: '' | 'ministry' | 'company'; group: string };

type Role = SessionAccount['role'];
/** knowledge:edit */
export const editorRoles: Role[] = ['npa', 'center'];

export const usePublicPages = (section?: KnowledgeSection) => useApiQuery<KnowledgeList>('/api/public/knowledge/pages', { section });
export const usePublicPage = (slug: string | undefined) => useApiQuery<KnowledgePage>(slug ? `/api/public/knowledge/pages/${encodeURIComponent(slug)}` : null);
export const useQa = (f: QaFilters) => useApiQuery<QaList>('/api/public/knowledge/qa', { q: f.q, audience: f.audience, group: f.group });

export const useEditorPages = (enabled: boolean) => useApiQuery<KnowledgeList>(enabled ? '/api/knowledge/pages' : null);
export const useEditorPage = (slug: string | undefined) => useApiQuery<KnowledgePage>(slug ? `/api/knowledge/pages/${encodeURIComponent(slug)}` : null);
export const useHistory = (slug: string | undefined) => useApiQuery<KnowledgeHistory>(slug ? `/api/knowledge/pages/${encodeURIComponent(slug)}/versions` : null);
export const useVersion = (slug: string | undefined, version: string | undefined) =>
  useApiQuery<KnowledgeVersion>(slug && version ? `/api/knowledge/pages/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}` : null);

export const updatePage = (slug: string, body: KnowledgeUpdate) => api.put<KnowledgePage>(`/api/knowledge/pages/${encodeURIComponent(slug)}`, body);
export const createPage = (body: KnowledgeCreate) => api.post<KnowledgePage>('/api/knowledge/pages', body);
export const setPublished = (slug: string, published: boolean) => api.post<KnowledgePage>(`/api/knowledge/pages/${encodeURIComponent(slug)}/publish`, { published });
