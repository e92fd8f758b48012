import type { Template, TemplateKind } from './schema';

/**
 * The template for a contact: its segment's own (case-insensitive) before the default, the
 * incentive variant when one is wanted, and any template of the right kind before none.
 */
export function chooseTemplate(
  templates: Template[],
  { kind, segment, incentive, peerFirst = false }: { kind: TemplateKind; segment?: string; incentive: boolean; peerFirst?: boolean },
): Template | undefined {
  const seg = (segment ?? '').trim().toLowerCase();
  // The double opt-in variant where the user asked for it (and only there), when one exists.
  const rank = (t: Template) =>
    (t.kind === kind ? 0 : 100) +
    (seg && t.segment.toLowerCase() === seg ? 0 : t.segment === '' ? 10 : 50) +
    (t.doubleOptIn === peerFirst ? 0 : 2) +
    (t.incentive === incentive ? 0 : 1);
  return [...templates].sort((a, b) => rank(a) - rank(b))[0];
}
