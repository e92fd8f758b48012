import { useEffect, useMemo, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { Contact } from '@/lib/model';
import { render, validateTemplate } from '@/lib/templates/render';
import { VARIABLES, type Profile, type Template } from '@/lib/templates/schema';
import { noteValues, templateValues } from '@/lib/templates/values';
import { FormMessage, useMessage } from '@/components/FormMessage';

const SAMPLE: Contact = {
  email: 'dana@acme-logistics.example',
  name: 'Dana Whitfield',
  company: 'Acme Logistics',
  facts: { results: { value: 'cut routing time by 30% in the first quarter', source: { kind: 'manual', observedAt: new Date(0).toISOString() } } },
  neverAsk: false,
  updatedAt: new Date(0).toISOString(),
};

const KIND_LABEL: Record<Template['kind'], string> = {
  ask: 'Referral ask',
  'follow-up': 'Follow-up',
  reactivation: 'Re-activation',
  thanks: 'Thank-you for an intro',
  update: 'How the intro went',
};

export function TemplatesEditor({ profile }: { profile: Profile }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [selected, setSelected] = useState<string>();
  const [draft, setDraft] = useState<Template>();
  const { message, say, failed, clear } = useMessage();
  const [previewContact, setPreviewContact] = useState<Contact>(SAMPLE);
  const [contacts, setContacts] = useState<Contact[]>([]);

  const load = async (keep?: string) => {
    const list = await request('templates/list', {});
    setTemplates(list);
    const pick = list.find((t) => t.id === keep) ?? list[0];
    setSelected(pick?.id);
    setDraft(pick);
  };
  useEffect(() => {
    void load();
    void request('contacts/search', { query: '', limit: 50 }).then(setContacts);
  }, []);

  const problems = useMemo(() => (draft ? validateTemplate(draft) : []), [draft]);
  const preview = useMemo(
    () => (draft ? render(draft, templateValues(previewContact, profile), noteValues(previewContact, profile)) : undefined),
    [draft, previewContact, profile],
  );

  const act = async (work: () => Promise<unknown>, ok: string, keep?: string) => {
    try {
      await work();
      await load(keep);
      say(true, ok);
    } catch (err) {
      failed(err);
    }
  };

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">Templates</h2>
      <p className="muted">
        The sidebar picks the template by what the moment calls for (ask, follow-up, re-activation) and the contact's segment. Use <code>**bold**</code>,{' '}
        <code>*italic*</code>, <code>[text](https://link)</code>, a blank line between paragraphs, and the variables below.
      </p>
      <div className="templates">
        <ul className="template-list" aria-label="Your templates">
          {templates.map((t) => (
            <li key={t.id}>
              <button
                aria-current={t.id === selected}
                onClick={() => {
                  setSelected(t.id);
                  setDraft(t);
                  clear();
                }}
              >
                <strong>{t.name}</strong>
                <span className="muted">
                  {KIND_LABEL[t.kind]} · {t.segment || 'any segment'}
                  {t.incentive ? ' · incentive' : ''}
                  {t.doubleOptIn ? ' · peer first' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {draft && (
          <div className="editor">
            <div className="grid">
              <div className="field">
                <label htmlFor="t-name">Name</label>
                <input id="t-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="t-kind">Used for</label>
                <select id="t-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Template['kind'] })}>
                  {Object.entries(KIND_LABEL).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="t-segment">Segment (empty: any)</label>
                <input
                  id="t-segment"
                  value={draft.segment}
                  placeholder="B2B, B2C, Enterprise…"
                  onChange={(e) => setDraft({ ...draft, segment: e.target.value })}
                />
              </div>
              <div className="field inline">
                <input id="t-incentive" type="checkbox" checked={draft.incentive} onChange={(e) => setDraft({ ...draft, incentive: e.target.checked })} />
                <label htmlFor="t-incentive">Offers an incentive</label>
              </div>
              <div className="field inline">
                <input id="t-optin" type="checkbox" checked={draft.doubleOptIn} onChange={(e) => setDraft({ ...draft, doubleOptIn: e.target.checked })} />
                <label htmlFor="t-optin">Double opt-in: the note asks the peer first, without your details</label>
              </div>
            </div>
            <div className="field">
              <label htmlFor="t-subject">Subject (set only when the draft's subject is empty)</label>
              <input id="t-subject" value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="t-ask">Part 1: the ask to your client</label>
              <textarea id="t-ask" rows={9} value={draft.ask} onChange={(e) => setDraft({ ...draft, ask: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="t-leadin">Line before the forwardable intro</label>
              <input id="t-leadin" value={draft.leadIn} onChange={(e) => setDraft({ ...draft, leadIn: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="t-intro">Part 2: the intro your client forwards to a peer</label>
              <textarea id="t-intro" rows={9} value={draft.intro} onChange={(e) => setDraft({ ...draft, intro: e.target.value })} />
            </div>
            <details>
              <summary>Variables</summary>
              <ul className="variables">
                {Object.entries(VARIABLES).map(([name, description]) => (
                  <li key={name}>
                    <code>{`{{${name}}}`}</code> {description}
                  </li>
                ))}
              </ul>
            </details>
            {problems.length > 0 && (
              <ul className="error" role="alert" data-testid="template-problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            <div className="actions">
              <button
                className="primary-inline"
                disabled={problems.length > 0}
                onClick={() => act(() => request('template/save', draft), 'Template saved.', draft.id)}
              >
                Save template
              </button>
              <button
                onClick={() => {
                  const copy = { ...draft, id: `custom-${Date.now().toString(36)}`, name: `${draft.name} (copy)`, builtIn: false };
                  setTemplates([...templates, copy]);
                  setSelected(copy.id);
                  setDraft(copy);
                }}
              >
                Duplicate as new
              </button>
              <button onClick={() => act(() => request('template/delete', { id: draft.id }), 'Template deleted.')}>Delete</button>
              <button onClick={() => act(() => request('templates/restore', {}), 'Built-in templates restored.', draft.id)}>Restore defaults</button>
            </div>
            <FormMessage message={message} />
            <h3>Preview</h3>
            <div className="field">
              <label htmlFor="t-preview-contact">Preview for</label>
              <select
                id="t-preview-contact"
                value={previewContact.email}
                onChange={(e) => setPreviewContact(contacts.find((c) => c.email === e.target.value) ?? SAMPLE)}
              >
                <option value={SAMPLE.email}>Sample client (Dana Whitfield)</option>
                {contacts.map((c) => (
                  <option key={c.email} value={c.email}>
                    {c.name ? `${c.name} <${c.email}>` : c.email}
                  </option>
                ))}
              </select>
            </div>
            {preview && (
              <>
                <p>
                  <strong>Subject:</strong> {preview.subject || <span className="muted">(none)</span>}
                </p>
                {preview.missing.length > 0 && (
                  <p className="warn">Missing for this contact: {preview.missing.map((m) => VARIABLES[m]).join('; ')}. They show as [FILL IN] in the draft.</p>
                )}
                {/* Safe by construction: render() escapes every value and emits only p, br, b, i, a(http/mailto), span, blockquote. */}
                <div className="preview" data-testid="template-preview" dangerouslySetInnerHTML={{ __html: preview.html }} />
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
