import type { ResourceState } from '@sre-control-center/plugin-sre-control-center-common';
import Chip from '@mui/material/Chip';

const COLOR = {
  ok: 'success',
  warning: 'warning',
  error: 'error',
  unknown: 'default',
} as const;

/** The resource's state from ARM as a chip: Running, Ready, Succeeded, Stopped ... */
export function StateChip({ arm }: { arm: ResourceState | null }) {
  if (!arm) {
    return <Chip size="small" variant="outlined" label="no state" />;
  }
  const label = arm.state ?? arm.provisioningState ?? 'unknown';
  return <Chip size="small" color={COLOR[arm.health]} label={label} />;
}
