import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { useId } from 'react';
import { cx } from './cx.ts';

type TableProps = {
  caption: ReactNode;
  captionHidden?: boolean;
  children: ReactNode;
  testId?: string;
  className?: string;
};

/** A table in a keyboard-scrollable region named by its caption. */
export function Table({ caption, captionHidden, children, testId, className }: TableProps) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className={cx('overflow-x-auto rounded-8 border border-solid-gray-420', className)}
    >
      <table data-testid={testId} className="w-full border-collapse text-left text-dns-16N-130">
        <caption id={captionId} className={captionHidden ? 'sr-only' : 'px-4 py-3 text-left text-std-17B-170 text-solid-gray-900'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, scope = 'col', ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cx(
        'px-4 py-3 align-top text-dns-16B-130 text-solid-gray-900',
        scope === 'row' ? 'border-b border-solid-gray-200' : 'border-b border-solid-gray-420 bg-solid-gray-50',
        className,
      )}
      {...rest}
    />
  );
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx('border-b border-solid-gray-200 px-4 py-3 align-top', className)} {...rest} />;
}

export function Tr({ children }: { children: ReactNode }) {
  return <tr className="hover:bg-blue-50">{children}</tr>;
}
