// Demo data for the knowledge pages: the pages from the seed documents (the same content
// `koryu start` puts into any empty installation, see modules/knowledge/knowledge.seed.ts), so that
// `koryu demo load` without a start also has them. Returns how many pages it inserted.
import type { Database } from '../db/client.ts';
import { seedKnowledgePages } from '../modules/knowledge/knowledge.seed.ts';

export const loadDemoKnowledge = (database: Database): Promise<number> => seedKnowledgePages(database);
