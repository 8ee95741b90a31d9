import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';

/**
 * A small confirm dialog, optionally with one free-text field (a reason or
 * a comment). The text is trimmed; an empty one is passed as undefined,
 * since the API rejects empty strings.
 */
export function ActionDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** Label of the optional text field; no field without it. */
  textLabel?: string;
  confirmLabel: string;
  onConfirm: (text: string | undefined) => void;
  onCancel: () => void;
}) {
  const { open, title, children, textLabel, confirmLabel } = props;
  const [text, setText] = useState('');
  const close = () => {
    setText('');
    props.onCancel();
  };
  const confirm = () => {
    const trimmed = text.trim();
    setText('');
    props.onConfirm(trimmed || undefined);
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {children && <DialogContentText>{children}</DialogContentText>}
        {textLabel && (
          <TextField
            fullWidth
            margin="dense"
            label={textLabel}
            value={text}
            inputProps={{ maxLength: 1000 }}
            onChange={e => setText(e.target.value)}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
