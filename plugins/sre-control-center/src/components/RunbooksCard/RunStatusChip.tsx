import type { RunStatus } from '@sre-control-center/plugin-sre-control-center-common';
import Chip from '@mui/material/Chip';

type ChipColor = 'warning' | 'info' | 'success' | 'error' | 'default';

/** Amber waits for someone, blue is under way, green worked, red did not, grey never ran. */
export const RUN_STATUS: Record<
  RunStatus,
  { label: string; color: ChipColor }
> = {
  pending_approval: { label: 'Pending approval', color: 'warning' },
  approved: { label: 'Approved', color: 'info' },
  running: { label: 'Running', color: 'info' },
  succeeded: { label: 'Succeeded', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  interrupted: { label: 'Interrupted', color: 'error' },
  rejected: { label: 'Rejected', color: 'default' },
  expired: { label: 'Expired', color: 'default' },
  skipped: { label: 'Skipped', color: 'default' },
};

export function RunStatusChip({ status }: { status: RunStatus }) {
  const { label, color } = RUN_STATUS[status];
  return <Chip size="small" label={label} color={color} />;
}
