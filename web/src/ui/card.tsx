import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { cx } from './cx.ts';

type Level = 2 | 3;

export function Card({ title, level = 2, children, className }: { title?: ReactNode; level?: Level; children: ReactNode; className?: string }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('rounded-8 border border-solid-gray-420 bg-white p-5', className)}>
      {title ? <H className="mb-3 text-std-20B-150 text-solid-gray-900">{title}</H> : null}
      {children}
    </section>
  );
}

/** A whole-card link: the heading is the link, so screen readers hear one name. */
export function LinkCard({ to, title, description, level = 3 }: { to: string; title: ReactNode; description?: ReactNode; level?: Level }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <div className="relative rounded-8 border border-solid-gray-420 bg-white p-5 hover:border-blue-900 hover:bg-blue-50 has-[a:focus-visible]:outline-4 has-[a:focus-visible]:outline-black">
      <H className="text-std-18B-160">
        <Link to={to} className="after:absolute after:inset-0 focus-visible:shadow-none focus-visible:outline-none">
          {title}
        </Link>
      </H>
      {description ? <p className="mt-1 text-std-16N-170 text-solid-gray-700">{description}</p> : null}
    </div>
  );
}
