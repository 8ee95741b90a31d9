import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

/** The durations offered; the API takes 5 to 1440 minutes. */
export const SILENCE_DURATIONS = [
  { minutes: 30, label: '30 min' },
  { minutes: 60, label: '1 h' },
  { minutes: 120, label: '2 h' },
  { minutes: 240, label: '4 h' },
];

/** Asks how long and why before alerts of the System are silenced. */
export function SilenceAlertsDialog(props: {
  open: boolean;
  systemName: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (minutes: number, reason: string) => void;
}) {
  const { open, systemName, busy, onCancel, onConfirm } = props;
  const [minutes, setMinutes] = useState(60);
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();

  return (
    <Dialog open={open} onClose={onCancel} fullWidth maxWidth="xs">
      <form
        onSubmit={event => {
          event.preventDefault();
          if (trimmed) onConfirm(minutes, trimmed);
        }}
      >
        <DialogTitle>Silence alerts for {systemName}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Azure keeps recording alerts but notifies nobody (no action group
            runs) until the window ends.
          </DialogContentText>
          <TextField
            select
            fullWidth
            margin="dense"
            label="Duration"
            value={minutes}
            onChange={event => setMinutes(Number(event.target.value))}
          >
            {SILENCE_DURATIONS.map(d => (
              <MenuItem key={d.minutes} value={d.minutes}>
                {d.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            required
            margin="dense"
            label="Reason"
            placeholder="e.g. PostgreSQL major upgrade"
            value={reason}
            onChange={event => setReason(event.target.value)}
            inputProps={{ maxLength: 500 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            color="warning"
            disabled={busy || !trimmed}
          >
            Silence
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
