import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { cx } from './cx.ts';

import type { NavItem } from './nav-groups.ts';

export type { NavItem };

type Props = {
  /** The short top row of links (logged out); empty: no row (the logged-in menu is the side nav). */
  nav: NavItem[];
  /** Full width, to line up with a side nav on wide screens. */
  wide?: boolean;
  languageSwitch: ReactNode;
  account: { name: string; role: string; affiliation?: string | null } | null;
  onLogout: () => void;
  loginHref: string;
  /** The session is being read for a browser last signed in: neither the account nor the login link yet. */
  pending?: boolean;
};

export function Header({ nav, wide, languageSwitch, account, onLogout, loginHref, pending }: Props) {
  const { t } = useTranslation();
  return (
    <header className="border-b border-solid-gray-420 bg-white">
      <div className={cx('mx-auto flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6', wide ? 'max-w-none' : 'max-w-7xl')}>
        <Link to="/" className="group flex items-center gap-3 text-solid-gray-900 no-underline visited:text-solid-gray-900 hover:text-solid-gray-900">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="size-9 shrink-0">
            <rect width="32" height="32" rx="6" fill="var(--color-blue-900)" />
            <path d="M9 8v16M9 16l9-8M12.5 13l6.5 11" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="flex flex-col">
            <span className="text-dns-14N-130 text-solid-gray-700">{t('app.owner')}</span>
            <span className="text-std-20B-150 group-hover:underline">{t('app.name')}</span>
          </span>
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          {languageSwitch}
          {account ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-dns-14N-130 text-solid-gray-800">
                <span className="sr-only">{t('header.loggedInAs')}</span>
                <span className="font-bold">{account.name}</span>
                <span className="ml-1 text-solid-gray-700">
                  {account.affiliation
                    ? t('header.roleWithAffiliation', { role: account.role, affiliation: account.affiliation })
                    : t('header.roleOnly', { role: account.role })}
                </span>
              </p>
              <button
                type="button"
                data-testid="logout"
                onClick={onLogout}
                className="min-h-9 rounded-6 border border-blue-900 bg-white px-3 text-oln-14B-100 text-blue-900 hover:bg-blue-50 hover:underline"
              >
                {t('header.logout')}
              </button>
            </div>
          ) : pending ? (
            <div className="min-h-9" />
          ) : (
            <Link to={loginHref} className="text-oln-16B-100">
              {t('nav.login')}
            </Link>
          )}
        </div>
      </div>
      {nav.length ? (
        <nav aria-label={t('nav.label')} className="bg-blue-1000">
          <ul className="mx-auto flex max-w-7xl flex-wrap px-2 sm:px-4">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  className={({ isActive }) =>
                    cx(
                      'block border-b-4 px-3 py-3 text-oln-16B-100 text-white no-underline visited:text-white hover:text-white hover:underline',
                      isActive ? 'border-yellow-300' : 'border-transparent',
                    )
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
