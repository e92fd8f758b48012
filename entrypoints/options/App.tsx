import { useState } from 'react';
import { EMPTY_PROFILE, type Profile } from '@/lib/templates/schema';
import { ProfileForm } from './ProfileForm';
import { TemplatesEditor } from './TemplatesEditor';
import { ImportContacts } from './ImportContacts';
import { DataSection } from './DataSection';
import { CustomSites } from './CustomSites';
import { CrmLogging } from './CrmLogging';
import { CrmConnect } from './CrmConnect';
import { SettingsForm } from './SettingsForm';
import { ReadingHealth } from './ReadingHealth';
import { Shortcuts } from './Shortcuts';
import { SidebarPlaceSettings } from './SidebarPlace';
import './options.css';

export function App() {
  const [profile, setProfile] = useState<Profile>(EMPTY_PROFILE);
  /** Bumped after a restore: every form below mounts again and reads what is stored now. */
  const [generation, setGeneration] = useState(0);
  const [restored, setRestored] = useState<string>();
  return (
    <main className="options">
      <header>
        <h1>Referral window: settings</h1>
        <p className="muted">
          Everything here is stored in this browser profile only: nothing is sent anywhere. New here? <a href="/setup.html">The three-step setup</a>.
        </p>
        <nav aria-label="Sections">
          <a href="#profile-heading">Profile</a> · <a href="#templates-title">Templates</a> · <a href="#import-title">Import</a> ·{' '}
          <a href="#crm-title">Other CRMs</a> · <a href="#logging-title">CRM logging</a> · <a href="#health-title">Reading health</a> ·{' '}
          <a href="#rules-title">Rules</a> · <a href="#never-title">Never ask</a> · <a href="#place-title">Sidebar</a> ·{' '}
          <a href="#shortcuts-title">Shortcuts</a> · <a href="#backup-title">Backup</a>
        </nav>
      </header>
      <div key={generation}>
        <ProfileForm onSaved={setProfile} />
        <TemplatesEditor profile={profile} />
        <ImportContacts />
        <CustomSites />
        <CrmLogging />
        <CrmConnect />
        <ReadingHealth />
        <SettingsForm />
        <SidebarPlaceSettings />
        <Shortcuts />
        <DataSection
          initialMessage={restored}
          onRestored={(message) => {
            setRestored(message);
            setGeneration((g) => g + 1);
          }}
        />
      </div>
    </main>
  );
}
