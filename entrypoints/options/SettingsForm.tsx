import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, SETTING_LABELS, settingBounds, type EngineSettings } from '@/lib/engine/settings';
import { request } from '@/lib/messaging/client';
import { FormMessage, useMessage } from '@/components/FormMessage';

type NumberKey = Exclude<keyof EngineSettings, 'businessHours' | 'workingDays'>;

const NUMBERS = Object.entries(SETTING_LABELS) as Array<[NumberKey, string]>;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The numbers the engine decides with. Defaults follow the referral playbook; change them here, never in code. */
export function SettingsForm() {
  const [settings, setSettings] = useState<EngineSettings>();
  const { message, say, failed } = useMessage();
  useEffect(() => {
    void request('settings/get', {}).then(setSettings);
  }, []);
  if (!settings) return <p className="muted">Loading…</p>;
  const set = (patch: Partial<EngineSettings>) => setSettings({ ...settings, ...patch });

  return (
    <form
      className="card"
      aria-labelledby="rules-title"
      onSubmit={(e) => {
        e.preventDefault();
        request('settings/save', settings)
          .then(() => say(true, 'Rules saved: every verdict now uses them.'))
          .catch(failed);
      }}
    >
      <h2 id="rules-title">Rules</h2>
      <div className="grid">
        {NUMBERS.map(([key, label]) => (
          <div className="field" key={key}>
            <label htmlFor={`rule-${key}`}>{label}</label>
            <input
              id={`rule-${key}`}
              type="number"
              {...settingBounds(key)}
              required
              value={settings[key]}
              onChange={(e) => set({ [key]: Number(e.target.value) })}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor="rule-start">Client business hours start (their time)</label>
          <input
            id="rule-start"
            type="number"
            min={0}
            max={23}
            value={settings.businessHours.startHour}
            onChange={(e) => set({ businessHours: { ...settings.businessHours, startHour: Number(e.target.value) } })}
          />
        </div>
        <div className="field">
          <label htmlFor="rule-end">Client business hours end</label>
          <input
            id="rule-end"
            type="number"
            min={1}
            max={24}
            value={settings.businessHours.endHour}
            onChange={(e) => set({ businessHours: { ...settings.businessHours, endHour: Number(e.target.value) } })}
          />
        </div>
      </div>
      <fieldset>
        <legend>Client working days</legend>
        {DAYS.map((d, i) => (
          <label key={d} className="day">
            <input
              type="checkbox"
              checked={settings.workingDays.includes(i + 1)}
              onChange={(e) =>
                set({ workingDays: e.target.checked ? [...settings.workingDays, i + 1].sort() : settings.workingDays.filter((w) => w !== i + 1) })
              }
            />{' '}
            {d}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary-inline">
          Save rules
        </button>
        <button type="button" onClick={() => setSettings(DEFAULT_SETTINGS)}>
          Back to the defaults
        </button>
      </div>
      <FormMessage message={message} testId="rules-message" />
    </form>
  );
}
