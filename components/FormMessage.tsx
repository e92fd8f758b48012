import { useState } from 'react';

/** What a form says after an action: done (a status) or not (an alert, in the error's own words). */
export interface Message {
  ok: boolean;
  text: string;
}

/** A form's message, with the three ways it is set: said, failed with an error, cleared. */
export function useMessage(initial?: Message) {
  const [message, setMessage] = useState<Message | undefined>(initial);
  return {
    message,
    say: (ok: boolean, text: string) => setMessage({ ok, text }),
    failed: (err: unknown) => setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) }),
    clear: () => setMessage(undefined),
  };
}

/** The message, read out by screen readers as it appears (a status, or an alert when it failed). */
export function FormMessage({ message, testId, className = '' }: { message?: Message; testId?: string; className?: string }) {
  if (!message) return null;
  return (
    <p className={`${className} ${message.ok ? 'ok' : 'error'}`.trim()} role={message.ok ? 'status' : 'alert'} data-testid={testId}>
      {message.text}
    </p>
  );
}
