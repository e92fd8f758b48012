import { defineConfig } from 'wxt';
import { ALL_HOST_MATCHES } from './lib/hosts/matches';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Referral window',
    description:
      'Shows account managers when a client is in the referral window, and writes the ask. All data stays in your browser.',
    // storage: the sidebar's collapsed state and per-tab page contexts (storage.session);
    // alarms + notifications: follow-up and weekly reminders, shown locally.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ALL_HOST_MATCHES,
    commands: {
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Show or hide the referral sidebar' },
      'insert-ask': { suggested_key: { default: 'Alt+Shift+I' }, description: 'Insert the referral ask into the open draft' },
    },
    web_accessible_resources: [
      // Only the sidebar page is reachable from a host page, and only from the hosts we read.
      { resources: ['sidebar.html'], matches: ALL_HOST_MATCHES },
    ],
    ...(browser === 'firefox' && {
      // Firefox needs a stable id for storage and IndexedDB to survive restarts.
      // data_collection_permissions: we collect nothing, and say so to Firefox.
      browser_specific_settings: {
        gecko: { id: 'referral-window@northwind.example', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
});
