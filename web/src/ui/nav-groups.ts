// The main menu as data: groups in order, each entry with the roles that see it. The layout
// (web/src/app.tsx) holds the menu itself; this module picks what one role sees.

/** One entry of the menu spec; `label` is an i18n key; no `roles`: every logged-in account sees it. */
export type NavEntrySpec<R extends string> = { to: string; label: string; end?: boolean; roles?: readonly R[] };

/** A group of entries; `label` is an i18n key (none: the group opens the menu without a heading). */
export type NavGroupSpec<R extends string> = { id: string; label?: string; items: NavEntrySpec<R>[] };

export type NavItem = { to: string; label: string; end?: boolean };
export type NavGroup = { id: string; label: string | null; items: NavItem[] };

/** The groups and entries `role` sees, in the spec's order, labels translated; groups left empty are dropped. */
export function menuFor<R extends string>(spec: readonly NavGroupSpec<R>[], role: R, t: (key: string) => string): NavGroup[] {
  const groups: NavGroup[] = [];
  for (const group of spec) {
    const items = group.items
      .filter((item) => !item.roles || item.roles.includes(role))
      .map((item): NavItem => ({ to: item.to, label: t(item.label), ...(item.end ? { end: true } : {}) }));
    if (items.length) groups.push({ id: group.id, label: group.label ? t(group.label) : null, items });
  }
  return groups;
}
