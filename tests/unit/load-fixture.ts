/**
 * Loads a fixture page into the test DOM as a browser would parse it, declarative shadow roots
 * included (`<template shadowrootmode="open">` becomes an attached open shadow root: the test DOM's
 * innerHTML does not do that by itself).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { identify, selfFrom } from '../../lib/identity';
import type { HostAdapter, PageContext } from '../../lib/hosts/types';
import { settlePage } from '../../lib/hosts/settle';
import { toDay } from '../../lib/day';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export function fixtureHtml(file: string, replace: Record<string, string> = {}): string {
  let html = readFileSync(path.join(FIXTURES, file), 'utf8');
  for (const [from, to] of Object.entries(replace)) html = html.replaceAll(from, to);
  return html;
}

/** `before` runs on the parsed page before its shadow roots attach (the perturbation test rewrites it there). */
export function loadHtml(html: string, before?: (doc: Document) => void): Document {
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  document.title = title.replace(/&amp;/g, '&');
  before?.(document);
  attachDeclarativeShadowRoots(document);
  return document;
}

export function loadFixture(file: string, replace: Record<string, string> = {}): Document {
  return loadHtml(fixtureHtml(file, replace));
}

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of [...root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/**
 * A page read as the extension shows it: the adapter's reading, then the one identity decision
 * (issue 30) with what the page itself says of the user, its facts read as the background reads them. Adapters report people; this decides.
 */
export const readPage = (adapter: HostAdapter, doc: Document, url: string): PageContext => identify(settlePage(adapter.read(doc, url), toDay()), selfFrom({}));
