import { randomUUID } from 'node:crypto';
import {
  EmulatorState,
  SiteSlotState,
  SiteState,
  SlotContent,
  SlotSwapRecord,
} from './state';

/** App Service calls the site itself the `production` slot. */
export const PRODUCTION_SLOT = 'production';

/** The site (for `production`) or the named slot; undefined if it does not exist. */
export function slotOf(
  site: SiteState,
  name: string,
): SiteState | SiteSlotState | undefined {
  if (name.toLowerCase() === PRODUCTION_SLOT) return site;
  return site.slots.find(s => s.name.toLowerCase() === name.toLowerCase());
}

function nameOf(site: SiteState, slot: SiteState | SiteSlotState): string {
  return slot === site ? PRODUCTION_SLOT : slot.name;
}

/**
 * Swaps what runs in two slots. Like App Service, the content and runtime
 * (`linuxFxVersion`) move while host names, tags and state stay; both slots
 * get the `slotSwapStatus` Azure reports after a swap.
 */
export function swapSlots(
  state: EmulatorState,
  site: SiteState,
  source: SiteState | SiteSlotState,
  target: SiteState | SiteSlotState,
  opts: { preserveVnet: boolean; at: Date },
): SlotSwapRecord {
  const fromContent: SlotContent = {
    linuxFxVersion: source.linuxFxVersion,
    deployedVersion: source.deployedVersion,
  };
  source.linuxFxVersion = target.linuxFxVersion;
  source.deployedVersion = target.deployedVersion;
  target.linuxFxVersion = fromContent.linuxFxVersion;
  target.deployedVersion = fromContent.deployedVersion;

  const at = opts.at.toISOString();
  const status = {
    timestampUtc: at,
    sourceSlotName: nameOf(site, source),
    destinationSlotName: nameOf(site, target),
  };
  for (const slot of [source, target]) {
    slot.lastModifiedTimeUtc = at;
    slot.slotSwapStatus = { ...status };
  }
  const record: SlotSwapRecord = {
    operationId: randomUUID(),
    site: site.name,
    sourceSlot: status.sourceSlotName,
    targetSlot: status.destinationSlotName,
    preserveVnet: opts.preserveVnet,
    at,
    result: {
      [status.sourceSlotName]: source.deployedVersion,
      [status.destinationSlotName]: target.deployedVersion,
    },
  };
  state.slotSwaps.push(record);
  return record;
}
