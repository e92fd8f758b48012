/**
 * Every schema that guards a form, walked field by field (issue 18): a refused value comes back
 * naming the field as the form labels it and saying what is wrong in plain words, never zod's
 * phrasing or the field's code name; and the settings inputs carry the schema's own bounds.
 */
import { describe, expect, it, vi } from 'vitest';
import { EngineSettings, SETTING_LABELS, settingBounds } from '@/lib/engine/settings';
import { FACT_ROWS } from '@/lib/facts';
import { PROFILE_LABELS } from '@/lib/templates/schema';
import { DEFAULT_TEMPLATES } from '@/lib/templates/defaults';
import { setup } from './testing';

const RAW = /Too (small|big)|expected|Invalid input|Invalid option|\b[a-z]+[A-Z][a-zA-Z]*\b/;
const plain = (error: string) => {
  expect(error).toMatch(/^Not saved: .+\. Nothing was changed\.$/);
  expect(error).not.toMatch(RAW);
};

describe('refusals in the words on screen', () => {
  it('every rule, below its minimum or above its maximum, is named as labelled', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { send } = setup();
    const defaults = EngineSettings.parse({});
    for (const [key, label] of Object.entries(SETTING_LABELS) as Array<[keyof typeof SETTING_LABELS, string]>) {
      const { min, max } = settingBounds(key);
      expect(min, key).toBeDefined();
      for (const bad of [min! - 1, ...(max !== undefined ? [max + 1] : [])]) {
        const reply = await send('options', 'settings/save', { ...defaults, [key]: bad });
        expect(reply.ok, `${key} = ${bad}`).toBe(false);
        if (!reply.ok) {
          plain(reply.error);
          expect(reply.error).toContain(`"${label}" must be at ${bad < min! ? `least ${min}` : `most ${max}`}`);
        }
      }
    }
  });

  it('every profile field too long, the never-ask list, a template and a CRM site', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { send } = setup();
    for (const [key, [label]] of Object.entries(PROFILE_LABELS)) {
      const reply = await send('options', 'profile/save', { [key]: key === 'links' ? ['x'.repeat(600)] : 'x'.repeat(1_000) });
      expect(reply.ok, key).toBe(false);
      if (!reply.ok) {
        plain(reply.error);
        expect(reply.error).toContain(`"${label}"`);
      }
    }
    const never = await send('options', 'never-ask/save', { emails: ['ceo@rival.example', 'not an email'], domains: [] });
    expect(!never.ok && never.error).toContain('"Email addresses", line 2 is not an email address');
    const template = await send('options', 'template/save', { ...DEFAULT_TEMPLATES[0], id: 'mine', name: '' });
    expect(!template.ok && template.error).toContain('"Name" cannot be empty');
    const site = await send('options', 'custom-site/add', { origin: 'http://crm.example.com' });
    expect(!site.ok && site.error).toContain('The CRM site enter the site as https://crm.example.com');
    for (const reply of [never, template, site]) if (!reply.ok) plain(reply.error);
  });

  it('every fact the sidebar edits, given a value it cannot hold, is named by its label', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { send } = setup();
    const BAD = { date: 'yesterday', nps: 11, percent: 101, count: -1, amount: -5, zone: 'Mars/Olympus_Mons', text: 'x'.repeat(1_000) };
    for (const fact of FACT_ROWS) {
      const reply = await send('sidebar', 'contact/edit', { email: 'dana@acme.example', edit: { [fact.key]: BAD[fact.kind] } });
      expect(reply.ok, fact.key).toBe(false);
      if (!reply.ok) {
        plain(reply.error);
        expect(reply.error).toContain(`"${fact.label}"`);
      }
    }
  });
});
