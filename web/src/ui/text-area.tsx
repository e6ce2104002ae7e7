import type { TextareaHTMLAttributes } from 'react';
import { controlClass, describedBy, Field, type FieldChrome } from './field.tsx';
import { cx } from './cx.ts';

export type TextAreaProps = FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> & { textAreaClassName?: string };

export function TextArea({ id, label, hint, error, status, required, className, liveMessages, textAreaClassName, ...area }: TextAreaProps) {
  const chrome = { id, label, hint, error, status, required };
  return (
    <Field {...chrome} className={className} liveMessages={liveMessages}>
      <textarea
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(chrome)}
        required={required}
        className={cx(controlClass(Boolean(error)), textAreaClassName)}
        {...area}
      />
    </Field>
  );
}
