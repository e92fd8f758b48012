import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  label: string;
  value: string;
  /** Called with the new text when the user is done: on change of a date, blur, Enter, or a pause in typing. */
  onCommit: (value: string) => void;
  hint?: string;
  testId?: string;
}

/**
 * An input that saves itself: no save button. It commits when the value is complete (a picked
 * date), on blur, on Enter, and after a short pause in typing, and only when the value changed.
 */
export function FactInput({ label, value, onCommit, hint, testId, type = 'text', ...rest }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    setDraft(value);
    committed.current = value;
  }, [value]);

  const commit = (next: string) => {
    clearTimeout(timer.current);
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
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          clearTimeout(timer.current);
          if (type === 'date') commit(next);
          else timer.current = setTimeout(() => commit(next), 500);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
        {...rest}
      />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}
