import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { cx } from './cx.ts';
import type { NavGroup } from './nav-groups.ts';

/**
 * The logged-in main menu: a left column of labelled groups from 768 px up; below that, the same
 * groups behind a "Menu" disclosure button. The nav landmark (and its name) is there at every width.
 * The current page's link carries aria-current="page" (NavLink), a bar and bold type, not colour alone.
 */
export function SideNav({ label, groups }: { label: string; groups: NavGroup[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const id = useId();
  const panelId = `${id}-menu`;

  // A link followed on a small screen closes the menu (the page heading then takes focus).
  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <nav
      aria-label={label}
      className="shrink-0 border-b border-solid-gray-420 bg-white print:hidden md:w-64 md:border-r md:border-b-0"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-12 w-full items-center gap-2 px-4 text-oln-16B-100 text-blue-900 hover:bg-blue-50 hover:underline md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0" fill="currentColor">
          {open ? (
            <path d="M18.3 5.7a1 1 0 00-1.4 0L12 10.6 7.1 5.7a1 1 0 10-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 101.4 1.4l4.9-4.9 4.9 4.9a1 1 0 001.4-1.4L13.4 12l4.9-4.9a1 1 0 000-1.4z" />
          ) : (
            <path d="M3 6a1 1 0 011-1h16a1 1 0 110 2H4a1 1 0 01-1-1zm0 6a1 1 0 011-1h16a1 1 0 110 2H4a1 1 0 01-1-1zm1 5a1 1 0 100 2h16a1 1 0 100-2H4z" />
          )}
        </svg>
        {t('navGroups.menu')}
      </button>
      <div
        id={panelId}
        className={cx(
          open ? 'block border-t border-solid-gray-420' : 'hidden',
          'px-2 pt-2 pb-6 md:block md:border-t-0 md:pt-4',
        )}
      >
        {groups.map((group) => {
          return (
            <div key={group.id} className="mt-2 first:mt-0">
              {group.label ? (
                <h2 className="px-4 pt-3 pb-1 text-dns-14B-130 text-solid-gray-700">
                  {group.label}
                </h2>
              ) : null}
              <ul>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className={({ isActive }) =>
                        cx(
                          'flex min-h-9 items-center rounded-r-6 border-l-4 px-3 py-1.5 text-dns-16N-130 no-underline hover:underline',
                          isActive
                            ? 'border-blue-900 bg-blue-50 font-bold text-blue-1000 visited:text-blue-1000 hover:text-blue-1000'
                            : 'border-transparent text-solid-gray-900 visited:text-solid-gray-900 hover:bg-solid-gray-50 hover:text-solid-gray-900',
                        )
                      }
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
