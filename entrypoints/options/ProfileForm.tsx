import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { safeUrl } from '@/lib/templates/render';
import { EMPTY_PROFILE, PROFILE_LABELS, type Profile } from '@/lib/templates/schema';

const FIELDS = (Object.entries(PROFILE_LABELS) as Array<[keyof Profile, [string, string]]>)
  .filter(([key]) => key !== 'links' && key !== 'peerFirst')
  .map(([key, [label, example]]) => [key as keyof Omit<Profile, 'links' | 'peerFirst'>, label, example] as const);

export function ProfileForm({ onSaved }: { onSaved: (p: Profile) => void }) {
  const [profile, setProfile] = useState<Profile>(EMPTY_PROFILE);
  // The form appears once the stored profile is in: typing earlier would be overwritten.
  const [loaded, setLoaded] = useState(false);
  const [links, setLinks] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    void request('profile/get', {}).then((p) => {
      setProfile(p);
      setLinks(p.links.join('\n'));
      setLoaded(true);
      onSaved(p);
    });
  }, []);

  const badLinks = links
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !safeUrl(l));

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
        if (badLinks.length) return;
        const next = {
          ...profile,
          links: links
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        };
        try {
          await request('profile/save', next);
          onSaved(next);
          setMessage({ ok: true, text: 'Profile saved.' });
        } catch (err) {
          setMessage({ ok: false, text: (err as Error).message });
        }
      }}
    >
      <h2 id="profile-heading">My profile</h2>
      <p className="muted">Fills the "you" parts of every template: the intro your client forwards names you and says how to reach you.</p>
      <div className="grid">
        {FIELDS.map(([key, label, placeholder]) => (
          <div className="field" key={key}>
            <label htmlFor={`profile-${key}`}>{label}</label>
            <input id={`profile-${key}`} value={profile[key]} placeholder={placeholder} onChange={(e) => setProfile({ ...profile, [key]: e.target.value })} />
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor="profile-links">{PROFILE_LABELS.links[0]}</label>
        <textarea id="profile-links" rows={3} value={links} onChange={(e) => setLinks(e.target.value)} aria-invalid={badLinks.length > 0} />
        {badLinks.length > 0 && (
          <small className="error" role="alert">
            Not a web or mail link: {badLinks.join(', ')}. Links must start with https://, http:// or mailto:.
          </small>
        )}
      </div>
      <div className="field inline">
        <input id="profile-peerFirst" type="checkbox" checked={profile.peerFirst} onChange={(e) => setProfile({ ...profile, peerFirst: e.target.checked })} />
        <label htmlFor="profile-peerFirst">{PROFILE_LABELS.peerFirst[0]}</label>
      </div>
      <button type="submit" disabled={badLinks.length > 0}>
        Save profile
      </button>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
