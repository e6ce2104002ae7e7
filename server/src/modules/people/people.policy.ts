// Personal data is visible only to the person's own organisation or company, the person, and NPA.
import type { Actor } from '../../platform/context.ts';
import type { PersonRow } from './people.repository.ts';

export function canReadPerson(actor: Actor, p: Pick<PersonRow, 'id' | 'organisationId' | 'companyId'>): boolean {
  switch (actor.role) {
    case 'npa':
      return true;
    case 'ministry_hr':
      return actor.organisationId != null && p.organisationId === actor.organisationId;
    case 'company_hr':
      return actor.companyId != null && p.companyId === actor.companyId;
    case 'participant':
      return actor.personId === p.id;
    case 'center':
      return false;
  }
}

export function peopleScope(actor: Actor): { organisationId?: number; companyId?: number; personId?: number } | null {
  switch (actor.role) {
    case 'npa':
      return {};
    case 'ministry_hr':
      return actor.organisationId != null ? { organisationId: actor.organisationId } : null;
    case 'company_hr':
      return actor.companyId != null ? { companyId: actor.companyId } : null;
    case 'participant':
      return actor.personId != null ? { personId: actor.personId } : null;
    case 'center':
      return null;
  }
}
