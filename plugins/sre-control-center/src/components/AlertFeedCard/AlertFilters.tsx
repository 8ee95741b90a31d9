import type {
  AlertSeverity,
  AlertState,
} from '@sre-control-center/plugin-sre-control-center-common';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  SEVERITIES,
  STATES,
  resourceName,
  type FeedFilters,
} from './alertView';

function Choice(props: {
  label: string;
  value: string | undefined;
  all: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const { label, value, all, options, onChange } = props;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      // Native selects: keyboard and screen-reader friendly, and simple to drive.
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      sx={{ minWidth: 160 }}
    >
      <option value="">{all}</option>
      {options.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

/** Severity, state and resource pickers over the feed; empty means all. */
export function AlertFilters(props: {
  value: FeedFilters;
  /** ARM ids of the resources the loaded alerts fired on. */
  resources: string[];
  onChange: (value: FeedFilters) => void;
}) {
  const { value, resources, onChange } = props;
  // Keep a chosen resource selectable even when no loaded alert has it.
  const resourceIds =
    value.resource && !resources.includes(value.resource)
      ? [value.resource, ...resources]
      : resources;
  return (
    <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
      <Choice
        label="Severity"
        value={value.severity}
        all="All severities"
        options={SEVERITIES.map(s => ({ value: s, label: s }))}
        onChange={severity =>
          onChange({
            ...value,
            severity: severity as AlertSeverity | undefined,
          })
        }
      />
      <Choice
        label="State"
        value={value.state}
        all="All states"
        options={STATES.map(s => ({ value: s, label: s }))}
        onChange={state =>
          onChange({ ...value, state: state as AlertState | undefined })
        }
      />
      <Choice
        label="Resource"
        value={value.resource}
        all="All resources"
        options={resourceIds.map(id => ({
          value: id,
          label: resourceName(id),
        }))}
        onChange={resource => onChange({ ...value, resource })}
      />
    </Stack>
  );
}
