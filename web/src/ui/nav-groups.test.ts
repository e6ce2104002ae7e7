import { describe, expect, it } from 'vitest';
import { menuFor, type NavGroupSpec } from './nav-groups.ts';

type Role = 'npa' | 'center' | 'ministry_hr' | 'company_hr' | 'participant';

const spec: NavGroupSpec<Role>[] = [
  { id: 'home', items: [{ to: '/dashboard', label: 'nav.dashboard' }] },
  {
    id: 'exchanges',
    label: 'navGroups.exchanges',
    items: [
      { to: '/exchanges', label: 'nav.exchanges', end: true },
      { to: '/exchanges/queue', label: 'nav.exchangeQueue', roles: ['npa'] },
      { to: '/public-call', label: 'nav.publicCall', roles: ['company_hr'] },
    ],
  },
  { id: 'admin', label: 'navGroups.admin', items: [{ to: '/admin/audit', label: 'nav.audit', roles: ['npa'] }] },
  { id: 'criteria', label: 'navGroups.criteria', items: [{ to: '/criteria/check', label: 'nav.criteriaCheck', roles: ['npa', 'company_hr'] }] },
];

const t = (key: string) => `<${key}>`;

// role → the groups it sees, each as "id: path path…", in order.
const cases: Array<[Role, string[]]> = [
  ['npa', ['home: /dashboard', 'exchanges: /exchanges /exchanges/queue', 'admin: /admin/audit', 'criteria: /criteria/check']],
  ['company_hr', ['home: /dashboard', 'exchanges: /exchanges /public-call', 'criteria: /criteria/check']],
  ['participant', ['home: /dashboard', 'exchanges: /exchanges']],
];

describe('menuFor', () => {
  it.each(cases)('%s sees its entries, in order, and no empty group', (role, expected) => {
    const groups = menuFor(spec, role, t);
    expect(groups.map((g) => `${g.id}: ${g.items.map((i) => i.to).join(' ')}`)).toEqual(expected);
  });

  it('translates group and entry labels, keeps `end`, and leaves the first group without a heading', () => {
    const [home, exchanges] = menuFor(spec, 'npa', t);
    expect(home).toEqual({ id: 'home', label: null, items: [{ to: '/dashboard', label: '<nav.dashboard>' }] });
    expect(exchanges?.label).toBe('<navGroups.exchanges>');
    expect(exchanges?.items[0]).toEqual({ to: '/exchanges', label: '<nav.exchanges>', end: true });
    expect(exchanges?.items[1]).toEqual({ to: '/exchanges/queue', label: '<nav.exchangeQueue>' });
  });
});
