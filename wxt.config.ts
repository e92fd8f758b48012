import path from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { ALL_HOST_MATCHES } from './lib/hosts/registry';

/**
 * End-to-end tests of the field picker, and of connecting a CRM's API (issue 34), need their origins
 * already granted: Chromium's permission prompt cannot be answered under automation. `npm run
 * build:e2e-crm` builds that variant into .output-crm; the production build never has them.
 */
const E2E_CRM_ORIGIN = process.env.RW_E2E_CRM_ORIGIN;

/**
 * The popup's React entry is not in its HTML (issue 35): fetched with its preloads as the page
 * parsed, it held back the first screen's own script (`entrypoints/first-screen.ts`) by 15-20 ms
 * (median of 9 openings, 82 against 65 ms without it). The built popup.html names the entry in a
 * <meta> instead, and that script adds it once it has asked storage for the first screen; the
 * entry's imports load as it runs. Production builds only: the dev server serves its own HTML.
 */
const popupEntryAfterFirstScreen: Plugin = {
  name: 'popup-entry-after-first-screen',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, { path: page }) {
      if (!page.endsWith('popup/index.html')) return html;
      const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
      if (!entry || !html.includes('<script src="/first-screen.js"></script>')) throw new Error('popup.html: the entry or the first screen script moved');
      return html
        .replace(entry[0], '')
        .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
        .replace('<script src="/first-screen.js"></script>', `<meta name="popup-entry" content="${entry[1]}">\n    <script src="/first-screen.js"></script>`);
    },
  },
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  ...(E2E_CRM_ORIGIN && { outDir: '.output-crm' }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The sentiment lexicon (3,382 words) as one JSON.parse, not an object literal plus a getter per
  // word: the service worker starts ~40 ms sooner each time it wakes (issue 16).
  // WXT's content-script context is replaced by an empty one (entrypoints/host.content/no-context.ts).
  vite: () => ({
    plugins: [popupEntryAfterFirstScreen],
    json: { namedExports: false, stringify: true },
    resolve: { alias: { 'wxt/utils/content-script-context': path.resolve(import.meta.dirname, 'entrypoints/host.content/no-context.ts') } },
  }),
  manifest: ({ browser }) => ({
    name: 'Referral window',
    description: 'Shows account managers when a client is in the referral window, and writes the ask. All data stays in your browser.',
    // storage: the sidebar's collapsed state and per-tab page contexts (storage.session);
    // alarms + notifications: follow-up and weekly reminders, shown locally.
    // scripting: run the content script (and the field picker) on CRM sites the user adds;
    // those sites are asked for one by one, at that moment (optional_host_permissions).
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    optional_host_permissions: ['https://*/*'],
    host_permissions: E2E_CRM_ORIGIN
      ? [...ALL_HOST_MATCHES, `${E2E_CRM_ORIGIN}/*`, 'https://api.hubapi.com/*', 'https://api.pipedrive.com/*']
      : ALL_HOST_MATCHES,
    commands: {
      // Alt+Shift+R is not registered by Chromium 156 (it keeps it); S registers in Chromium and Firefox.
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Show or hide the referral sidebar' },
      'insert-ask': { suggested_key: { default: 'Alt+Shift+I' }, description: 'Insert the referral ask into the open draft' },
    },
    web_accessible_resources: [
      // Only the sidebar page is reachable from a host page, and only from the hosts we read.
      { resources: ['sidebar.html'], matches: ALL_HOST_MATCHES },
    ],
    ...(browser === 'firefox' && {
      // Firefox needs a stable id for storage and IndexedDB to survive restarts.
      // data_collection_permissions: nothing by default; connecting a CRM's API (issue 34) sends the
      // user's own CRM a note naming a client (and, ticked, the ask's first line): asked for then.
      browser_specific_settings: {
        gecko: {
          id: 'referral-window@northwind.example',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'], optional: ['personallyIdentifyingInfo', 'personalCommunications'] },
        },
      },
    }),
  }),
});
