import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  label: string;
  value: string;
  /** Called with the new text when the user is done: on change of a date, blur, Enter, or a pause in typing. */
  onCommit: (value: string) => void;
  hint?: string;
  testId?: string;
  /**
   * Turns what was typed into the value to save, or `undefined` when it is not one (then nothing
   * is saved and `invalid` is said): a time zone picked by its city, for one.
   */
  resolve?: (typed: string) => string | undefined;
  invalid?: string;
}

/**
 * An input that saves itself: no save button. It commits when the value is complete (a picked
 * date), on blur, on Enter, and after a short pause in typing, and only when the value changed.
 */
export function FactInput({ label, value, onCommit, hint, testId, type = 'text', resolve, invalid, ...rest }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [refused, setRefused] = useState(false);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    setDraft(value);
    committed.current = value;
  }, [value]);

  const commit = (typed: string) => {
    clearTimeout(timer.current);
    const next = resolve && typed.trim() ? resolve(typed) : typed;
    setRefused(next === undefined);
    if (next === undefined) return;
    if (next !== typed) setDraft(next);
    if (next === committed.current) return;
    committed.current = next;
    onCommit(next);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        data-testid={testId}
        value={draft}
        aria-describedby={refused ? `${id}-invalid` : hint ? `${id}-hint` : undefined}
        aria-invalid={refused || undefined}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          clearTimeout(timer.current);
          if (type === 'date') commit(next);
          // A pause saves what is already a value; what is not yet one waits for Enter or leaving the field.
          else timer.current = setTimeout(() => (!resolve || !next.trim() || resolve(next) !== undefined) && commit(next), 500);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
        {...rest}
      />
      {refused && invalid && (
        <small id={`${id}-invalid`} className="error" role="alert">
          {invalid}
        </small>
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}
