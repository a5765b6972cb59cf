import type { Store } from '../store';

/** The demo network marks itself with a setting, so the UI can label demo data as such. */
export async function isDemoNetwork(store: Store): Promise<boolean> {
  return (await store.health.settingValue('demo')) === 'true';
}
