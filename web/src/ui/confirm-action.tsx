import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from './button.tsx';

type Props = {
  /** The button's text, and the question and confirm text shown in its place. */
  label: string;
  question: string;
  confirm: string;
  /** Names the row for screen readers (the button and the confirmation group) where several rows have the same button. */
  ariaLabel?: string;
  variant?: ButtonVariant;
  /** The question in the error colour (a delete) rather than plain. */
  questionTone?: 'plain' | 'error';
  testId?: string;
  disabled?: boolean;
  onConfirm: () => Promise<void> | void;
};

/** A row's action that asks first: the button, then "question? confirm / cancel" in its place. */
export function ConfirmAction({ label, question, confirm, ariaLabel, variant = 'danger', questionTone = 'plain', testId, disabled, onConfirm }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!confirming) {
    return (
      <Button ref={button} size="sm" variant={variant} aria-label={ariaLabel} disabled={disabled} onClick={() => setConfirming(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={ariaLabel ?? label} className="flex flex-wrap items-center gap-2">
      <span className={questionTone === 'error' ? 'text-dns-16B-130 text-error-2' : 'text-dns-16B-130 text-solid-gray-900'}>{question}</span>
      <Button
        size="sm"
        variant={variant}
        autoFocus
        disabled={busy}
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setConfirming(false);
          }
        }}
      >
        {confirm}
      </Button>
      <Button
        size="sm"
        variant="tertiary"
        onClick={() => {
          setConfirming(false);
          setTimeout(() => button.current?.focus(), 0);
        }}
      >
        {t('common.cancel')}
      </Button>
    </div>
  );
}
