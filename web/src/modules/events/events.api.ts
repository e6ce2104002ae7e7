import type {
  AttendanceInput,
  ContactInput,
  ContactPatch,
  EventContact,
  EventFigures,
  EventInput,
  EventPatch,
  InfoEvent,
  MinistriesInput,
  Registration,
  RegistrationInput,
  SessionInput,
} from '../../../../common/src/schemas/events.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api } from '../../api.ts';

// Information sessions (server/src/modules/events/events.routes.ts). The role lists mirror the grants
// table (server/src/platform/permissions.ts); the server enforces them, the screens only avoid
// offering what would be refused.

export type { EventContact, EventFigures, InfoEvent, Registration };
export type ManagedEvent = InfoEvent & { figures: EventFigures };
type Role = SessionAccount['role'];

/** events:manage */
export const eventManagerRoles: Role[] = ['npa', 'center'];
/** events:register */
export const eventRegistrantRoles: Role[] = ['company_hr'];

export type When = 'upcoming' | 'past';

// ---------------------------------------------------------------- public

export const usePublicEvents = (when: When) => useApiQuery<{ items: InfoEvent[] }>('/api/public/events', { when });
export const useEvent = (id: string | undefined) => useApiQuery<InfoEvent>(id && /^[1-9]\d{0,15}$/.test(id) ? `/api/public/events/${id}` : null);

// ---------------------------------------------------------------- company HR

export const useOwnRegistrations = (enabled: boolean) => useApiQuery<{ items: Registration[] }>(enabled ? '/api/event-registrations/mine' : null);
export const registerForEvent = (eventId: number, body: RegistrationInput) => api.post<Registration>(`/api/events/${eventId}/registrations`, body);
export const cancelRegistration = (id: number) => api.post<Registration>(`/api/event-registrations/${id}/cancel`, {});

// ---------------------------------------------------------------- organisers

export const useManagedEvents = () => useApiQuery<{ items: ManagedEvent[] }>('/api/events');
export const createEvent = (body: EventInput) => api.post<InfoEvent>('/api/events', body);
export const updateEvent = (id: number, body: EventPatch) => api.patch<InfoEvent>(`/api/events/${id}`, body);
export const addSession = (id: number, body: SessionInput) => api.post<InfoEvent>(`/api/events/${id}/sessions`, body);
export const updateSessionCapacity = (id: number, sessionId: number, capacity: number) => api.patch<InfoEvent>(`/api/events/${id}/sessions/${sessionId}`, { capacity });
export const deleteSession = (id: number, sessionId: number) => api.delete<InfoEvent>(`/api/events/${id}/sessions/${sessionId}`);
export const setMinistries = (id: number, body: MinistriesInput) => api.put<InfoEvent>(`/api/events/${id}/ministries`, body);
export const useEventRegistrations = (id: number | null) => useApiQuery<{ items: Registration[] }>(id ? `/api/events/${id}/registrations` : null);
export const recordAttendance = (id: number, body: AttendanceInput) => api.put<EventFigures>(`/api/events/${id}/attendance`, body);
export const useEventContacts = (id: number | null) => useApiQuery<{ items: EventContact[] }>(id ? `/api/events/${id}/contacts` : null);
export const addContact = (id: number, body: ContactInput) => api.post<EventContact>(`/api/events/${id}/contacts`, body);
export const updateContact = (id: number, contactId: number, body: ContactPatch) => api.patch<EventContact>(`/api/events/${id}/contacts/${contactId}`, body);
export const useEventFigures = (id: number | null) => useApiQuery<EventFigures>(id ? `/api/events/${id}/figures` : null);
