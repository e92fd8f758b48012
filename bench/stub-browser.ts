/** wxt/browser for the in-page baseline bundle: nothing to talk to. */
export const browser = { runtime: { sendMessage: async () => ({ ok: true, value: null }) } };
