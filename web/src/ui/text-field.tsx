import type { InputHTMLAttributes } from 'react';
import { controlClass, describedBy, Field, type FieldChrome } from './field.tsx';

export type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { inputClassName?: string };

export function TextField({ id, label, hint, error, status, required, className, liveMessages, inputClassName, ...input }: TextFieldProps) {
  const chrome = { id, label, hint, error, status, required };
  return (
    <Field {...chrome} className={className} liveMessages={liveMessages}>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(chrome)}
        required={required}
        className={`${controlClass(Boolean(error))} ${inputClassName ?? ''}`}
        {...input}
      />
    </Field>
  );
}
