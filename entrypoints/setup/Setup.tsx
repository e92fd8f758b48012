import { useEffect, useState } from 'react';
import { ImportContacts } from '../options/ImportContacts';
import { ProfileForm } from '../options/ProfileForm';
import { hostNames } from '@/lib/hosts/registry';
import { getPref, setPref, SETUP_STEP } from '@/lib/prefs';

const STEPS = ['Your profile and incentives', 'Your clients (optional)', 'See it on an email'] as const;

/**
 * The first run (issue 18): opened once at install. Three short steps, each skippable: the profile
 * and incentives the asks are signed with, a CRM export to import (or not), then where the
 * sidebar appears. Everything stays in this browser.
 */
export function Setup() {
  const [step, setStep] = useState<number>();
  useEffect(() => {
    // Where the user left the setup: it can be left at any step and resumed.
    void getPref(SETUP_STEP).then(setStep);
  }, []);
  const go = (next: number) => {
    setStep(next);
    void setPref(SETUP_STEP, next);
  };
  if (step === undefined) return null;
  return (
    <main className="options setup" data-testid="setup">
      <header>
        <h1>Welcome to Referral window</h1>
        <p className="muted">
          It shows, beside Gmail, Outlook and your CRM, when a client is ready to be asked for a referral, and writes the ask. Nothing leaves this browser.
        </p>
        <ol className="steps" aria-label="Setup steps">
          {STEPS.map((label, i) => (
            <li key={label} aria-current={i === step ? 'step' : undefined}>
              <button className="link" onClick={() => go(i)}>
                {i + 1}. {label}
              </button>
            </li>
          ))}
        </ol>
      </header>
      {step === 0 && <ProfileForm onSaved={() => undefined} />}
      {step === 1 && <ImportContacts />}
      {step === 2 && (
        <section className="card" aria-labelledby="see-it-title">
          <h2 id="see-it-title">See it on an email</h2>
          <p>
            Open an email from a client in {hostNames('mail', 'or')} on the web, or a contact record in {hostNames('crm', 'or')}: the sidebar appears on the
            right with how long they have been a customer, how satisfied they seem, and whether now is the time to ask.
          </p>
          <p className="muted">Other CRMs can be added in the settings. You can come back to this page from the settings at any time.</p>
        </section>
      )}
      <p className="setup-nav">
        {step > 0 && <button onClick={() => go(step - 1)}>Back</button>}{' '}
        {step < STEPS.length - 1 ? (
          <button className="primary-inline" onClick={() => go(step + 1)}>
            {step === 1 ? 'Next (or skip)' : 'Next'}
          </button>
        ) : (
          <button className="primary-inline" onClick={() => window.close()}>
            Done
          </button>
        )}
      </p>
    </main>
  );
}
