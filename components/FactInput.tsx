import { useId, useLayoutEffect, useRef, useState, type InputHTMLAttributes } from 'react';

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
  /**
   * Whose fact this is (the contact's email). The field is kept, not drawn again, when the sidebar
   * moves to another contact; what it shows starts again from that contact's value, and an edit
   * still waiting for its pause is saved first, to the contact it was typed for.
   */
  owner?: string;
}

/**
 * An input that saves itself: no save button. It commits when the value is complete (a picked
 * date), on blur, on Enter, and after a short pause in typing, and only when the value changed.
 */
export function FactInput({ label, value, onCommit, hint, testId, type = 'text', resolve, invalid, owner, ...rest }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [refused, setRefused] = useState(false);
  /** The value and owner the field last started from: another contact, or a new stored value, starts it again. */
  const [shown, setShown] = useState({ owner, value });
  const committed = useRef(value);
  if (shown.owner !== owner || shown.value !== value) {
    setShown({ owner, value });
    setDraft(value);
    setRefused(false);
  }
  // Layout effects: run as the change is drawn, before any timer of the edit can fire.
  useLayoutEffect(() => {
    committed.current = value;
  }, [owner, value]);
  /** An edit waiting for its pause; saved at once, to the contact it was typed for, if the field moves to another first. */
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; flush: () => void }>(undefined);
  useLayoutEffect(
    () => () => {
      const edit = pending.current;
      pending.current = undefined;
      if (!edit) return;
      clearTimeout(edit.timer);
      edit.flush();
    },
    [owner],
  );

  const commit = (typed: string) => {
    clearTimeout(pending.current?.timer);
    pending.current = undefined;
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
          clearTimeout(pending.current?.timer);
          pending.current = undefined;
          if (type === 'date') commit(next);
          // A pause saves what is already a value; what is not yet one waits for Enter or leaving the field.
          else if (!resolve || !next.trim() || resolve(next) !== undefined) {
            const was = committed.current;
            const flush = () => {
              const typed = resolve && next.trim() ? resolve(next) : next;
              if (typed !== undefined && typed !== was) onCommit(typed);
            };
            pending.current = { timer: setTimeout(() => commit(next), 500), flush };
          }
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
