// @vitest-environment happy-dom
/**
 * Walks the host registry through exactly what ships: each row's family content script
 * (`mailScript`, `crmScript`, what `entrypoints/*.content/index.ts` run) picks that row's adapter
 * and reads that row's fixture page, the manifest grants the row's pages, and the row names its
 * CSP. Adding a host fails here until it is whole.
 */
import { describe, expect, it } from 'vitest';
import { crmScript } from '@/entrypoints/host.content/script';
import { mailScript } from '@/entrypoints/mail.content/script';
import { HOST_FIXTURES } from '../../tests/shared/hosts';
import { loadFixture, readPage } from '../../tests/unit/load-fixture';
import { ALL_HOST_MATCHES, excludesIn, familyOf, hostsOf, HOSTS, hostNames, isNamedHost, isOutsideRecords, matchesIn, rowFor } from './registry';

const scriptFor = (family: string, url: string) => (family === 'mail' ? mailScript(url) : crmScript(url, new URL(url).hostname));

/** A manifest match pattern as the browser applies it (scheme, host with an optional leading `*.`, path glob). */
function matchesPattern(pattern: string, url: string): boolean {
  const [, host, path] = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  // As Chrome reads it: "*.pipedrive.com" also matches pipedrive.com itself.
  const hostOk = host!.startsWith('*.') ? u.hostname === host!.slice(2) || u.hostname.endsWith(host!.slice(1)) : u.hostname === host;
  const pathRe = new RegExp(`^${path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return u.protocol === 'https:' && hostOk && pathRe.test(u.pathname + u.search);
}

describe.each(HOSTS.map((row) => [row.id, row] as const))('the %s row', (id, row) => {
  const fixture = HOST_FIXTURES[id];

  it("is read by its family's shipped script: its adapter, its fixture's contact", () => {
    const script = scriptFor(row.family, fixture.url);
    expect(script.family).toBe(row.family);
    expect(script.builtIn?.id).toBe(id);
    expect(script.builtIn?.label).toBe(row.label);
    const page = readPage(script.builtIn!, loadFixture(fixture.file, { '{{CUSTOMER_SINCE}}': '2026-07-20' }), fixture.url);
    expect(page.host).toBe(id);
    expect(page.contact).toMatchObject({ email: fixture.email, name: fixture.name });
  });

  it("is not read by the other family's script", () => {
    expect(scriptFor(row.family === 'mail' ? 'crm' : 'mail', fixture.url).builtIn).toBeUndefined();
  });

  it('has its pages in the manifest, and not where it excludes them', () => {
    expect(familyOf(id)).toBe(row.family);
    expect(matchesIn(hostsOf(row.family)).some((p) => matchesPattern(p, fixture.url))).toBe(true);
    expect(ALL_HOST_MATCHES.some((p) => matchesPattern(p, fixture.url))).toBe(true);
    expect(excludesIn(hostsOf(row.family)).some((p) => matchesPattern(p, fixture.url))).toBe(false);
    expect(isNamedHost(new URL(fixture.url).origin)).toBe(true);
    expect(rowFor(fixture.url)?.id).toBe(id);
    expect(isOutsideRecords(fixture.url)).toBe(false);
  });

  it('names the strict CSP its fixtures are served with', () => {
    expect(HOST_FIXTURES[id].csp).toMatch(/script-src [^;]*'nonce-fixture'/);
    expect(HOST_FIXTURES[id].csp).toContain("object-src 'none'");
    expect(hostNames()).toContain(row.label);
    expect(hostNames(row.family)).toContain(row.label);
  });
});

describe('what the registry derives', () => {
  it('lists hosts as a sentence does', () => {
    expect(hostNames('mail')).toBe('Gmail and Outlook');
    expect(hostNames('crm')).toBe('HubSpot, Salesforce and Pipedrive');
  });
  it("keeps an app's pages about no customer idle, and other sites are not named hosts", () => {
    expect(isOutsideRecords('https://app.hubspot.com/settings/2456789/users')).toBe(true);
    expect(isOutsideRecords('https://acme.lightning.force.com/lightning/setup/SetupOneHome/home')).toBe(true);
    expect(isNamedHost('https://crm.northwind-test.example')).toBe(false);
    expect(isNamedHost('https://hubspot.com.evil.example')).toBe(false);
    expect(excludesIn(hostsOf('crm')).some((p) => matchesPattern(p, 'https://www.pipedrive.com/en/pricing'))).toBe(true);
  });

  it('issue 32: no Pipedrive site that is not the app gets the script, and no script there reads it', () => {
    for (const url of [
      'https://community.pipedrive.com/discussion/123',
      'https://careers.pipedrive.com/jobs',
      'https://pipedrive.com/en',
      'https://marketplace.pipedrive.com/app/x',
      'https://developers.pipedrive.com/docs/api/v1',
    ]) {
      expect([url, excludesIn(hostsOf('crm')).some((p) => matchesPattern(p, url))]).toEqual([url, true]);
      expect([url, rowFor(url)?.id]).toEqual([url, undefined]);
    }
    expect(rowFor('https://northwind.pipedrive.com/person/812')?.id).toBe('pipedrive');
    expect(rowFor('https://community-gardens.pipedrive.com/deal/4')?.id).toBe('pipedrive');
  });

  it("issue 32: Outlook's new address, outlook.cloud.microsoft, is Outlook", () => {
    expect(rowFor('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2')?.id).toBe('outlook');
    expect(matchesIn(hostsOf('mail')).some((p) => matchesPattern(p, 'https://outlook.cloud.microsoft/mail/'))).toBe(true);
    expect(rowFor('https://outlook.cloud.microsoft/calendar/view/week')).toBeUndefined();
    expect(rowFor('https://outlook.cloud.microsoft.evil.example/mail/')).toBeUndefined();
  });
});
