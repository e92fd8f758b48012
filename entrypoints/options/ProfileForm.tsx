import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { safeUrl } from '@/lib/templates/render';
import { plainAddress } from '@/lib/identity';
import { EMPTY_PROFILE, PROFILE_HINTS, PROFILE_LABELS, type Profile } from '@/lib/templates/schema';
import { FormMessage, useMessage } from '@/components/FormMessage';

type ListKey = 'links' | 'aliases' | 'orgDomains';
const LISTS: ListKey[] = ['links', 'aliases', 'orgDomains'];
const FIELDS = (Object.entries(PROFILE_LABELS) as Array<[keyof Profile, [string, string]]>)
  .filter(([key]) => !LISTS.includes(key as ListKey) && key !== 'peerFirst' && key !== 'incentiveInAsk')
  .map(([key, [label, example]]) => [key as keyof Omit<Profile, ListKey | 'peerFirst' | 'incentiveInAsk'>, label, example] as const);

const DOMAIN = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
/** What each list refuses, in the user's words. */
const LIST_CHECK: Record<ListKey, { bad: (line: string) => boolean; says: string; testId?: string }> = {
  links: { bad: (l) => !safeUrl(l), says: 'Not a web or mail link: {}. Links must start with https://, http:// or mailto:.' },
  aliases: { bad: (l) => !plainAddress(l), says: 'Not an email address: {}.' },
  orgDomains: {
    bad: (l) => !DOMAIN.test(l.replace(/^@/, '')),
    says: 'Not a mail domain: {}. Write the part after the @, like northwind.example.',
    testId: 'org-domains',
  },
};

export function ProfileForm({ onSaved }: { onSaved: (p: Profile) => void }) {
  const [profile, setProfile] = useState<Profile>(EMPTY_PROFILE);
  // The form appears once the stored profile is in: typing earlier would be overwritten.
  const [loaded, setLoaded] = useState(false);
  const [lists, setLists] = useState<Record<ListKey, string>>({ links: '', aliases: '', orgDomains: '' });
  const { message, say, failed } = useMessage();
  useEffect(() => {
    void request('profile/get', {}).then((p) => {
      setProfile(p);
      setLists({ links: p.links.join('\n'), aliases: p.aliases.join('\n'), orgDomains: p.orgDomains.join('\n') });
      setLoaded(true);
      onSaved(p);
    });
  }, []);

  const bad = Object.fromEntries(LISTS.map((key) => [key, lines(lists[key]).filter(LIST_CHECK[key].bad)])) as Record<ListKey, string[]>;
  const anyBad = LISTS.some((key) => bad[key].length > 0);

  if (!loaded) {
    return (
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">My profile</h2>
        <p className="muted">Loading…</p>
      </section>
    );
  }

  return (
    <form
      className="card"
      aria-labelledby="profile-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (anyBad) return;
        const next = {
          ...profile,
          links: lines(lists.links),
          aliases: lines(lists.aliases).map((l) => l.toLowerCase()),
          orgDomains: lines(lists.orgDomains).map((l) => l.replace(/^@/, '').toLowerCase()),
        };
        try {
          await request('profile/save', next);
          onSaved(next);
          say(true, 'Profile saved.');
        } catch (err) {
          failed(err);
        }
      }}
    >
      <h2 id="profile-heading">My profile</h2>
      <p className="muted">Fills the "you" parts of every template: the intro your client forwards names you and says how to reach you.</p>
      <div className="grid">
        {FIELDS.map(([key, label, placeholder]) => (
          <div className="field" key={key}>
            <label htmlFor={`profile-${key}`}>{label}</label>
            <input
              id={`profile-${key}`}
              value={profile[key]}
              placeholder={placeholder}
              aria-describedby={PROFILE_HINTS[key as keyof typeof PROFILE_HINTS] ? `profile-${key}-hint` : undefined}
              onChange={(e) => setProfile({ ...profile, [key]: e.target.value })}
            />
            {PROFILE_HINTS[key as keyof typeof PROFILE_HINTS] && (
              <small id={`profile-${key}-hint`} className="hint">
                {PROFILE_HINTS[key as keyof typeof PROFILE_HINTS]}
              </small>
            )}
          </div>
        ))}
      </div>
      {LISTS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`profile-${key}`}>{PROFILE_LABELS[key][0]}</label>
          <textarea
            id={`profile-${key}`}
            data-testid={LIST_CHECK[key].testId}
            rows={key === 'links' ? 3 : 2}
            value={lists[key]}
            placeholder={PROFILE_LABELS[key][1]}
            onChange={(e) => setLists({ ...lists, [key]: e.target.value })}
            aria-invalid={bad[key].length > 0}
          />
          {bad[key].length > 0 && (
            <small className="error" role="alert">
              {LIST_CHECK[key].says.replace('{}', bad[key].join(', '))}
            </small>
          )}
        </div>
      ))}
      <div className="field inline">
        <input id="profile-peerFirst" type="checkbox" checked={profile.peerFirst} onChange={(e) => setProfile({ ...profile, peerFirst: e.target.checked })} />
        <label htmlFor="profile-peerFirst">{PROFILE_LABELS.peerFirst[0]}</label>
      </div>
      <div className="field inline">
        <input
          id="profile-incentiveInAsk"
          type="checkbox"
          checked={profile.incentiveInAsk}
          onChange={(e) => setProfile({ ...profile, incentiveInAsk: e.target.checked })}
        />
        <label htmlFor="profile-incentiveInAsk">{PROFILE_LABELS.incentiveInAsk[0]}</label>
      </div>
      <button type="submit" disabled={anyBad}>
        Save profile
      </button>
      <FormMessage message={message} />
    </form>
  );
}
