/**
 * Injected on demand (popup → "Pick fields on this page") into a CRM site the user added, so the
 * host-page script stays small. Saves the picks through the background, which checks the origin.
 */
import { send as request } from '@/lib/messaging/send';
import { runPicker } from '@/lib/hosts/picker';
import { isNamedHost } from '@/lib/hosts/registry';

export default defineUnlistedScript(() => {
  const w = window as Window & { __referralWindowPicker?: boolean };
  if (w.__referralWindowPicker) return;
  w.__referralWindowPicker = true;
  runPicker(
    document,
    (picks) => void request('custom/picks', { picks }).catch(() => undefined),
    () => (w.__referralWindowPicker = false),
    !isNamedHost(location.origin),
  );
});
