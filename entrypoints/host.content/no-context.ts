/**
 * What WXT hands each content script's `main` (its ContentScriptContext), replaced in the build by
 * this empty one (wxt.config.ts). The scripts keep their own lifetime (`run.ts` `lifetime()`):
 * the page can end WXT's with a forged `wxt:content-script-started` event (issue 21), and its code
 * (2.8 KB, a location watcher and event listeners the scripts never use) would ship in every host
 * page for nothing.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
