import type {
  Alert,
  AlertIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import {
  forwardRef,
  memo,
  useEffect,
  useMemo,
  useState,
  type CSSProperties,
  type HTMLAttributes,
} from 'react';
import {
  FixedSizeList,
  areEqual,
  type ListChildComponentProps,
} from 'react-window';
import { issuesOf } from '../../hooks/useIssues';
import { IssueChips } from '../GithubIssuesCard/IssueChips';
import { AlertActions } from './AlertActions';
import { resourceName, severityColor } from './alertView';

export const ROW_HEIGHT = 48;
/** Rows in view at once; the list scrolls inside the card beyond that. */
export const VISIBLE_ROWS = 12;
/** Ask for the next page when the last visible row is this close to the end. */
const LOAD_AHEAD_ROWS = 20;

const COLUMNS = [
  'Severity',
  'Alert',
  'Resource',
  'State',
  'Condition',
  'Fired',
  'Actions',
];
/**
 * Column widths: the fixed ones fit their content (Acknowledge + Close need
 * 200px); TABLE_MIN_WIDTH is their sum plus gaps and padding, so a narrow
 * card scrolls the whole table sideways instead of clipping the buttons.
 */
const GRID =
  '80px minmax(200px, 2fr) minmax(170px, 1.2fr) 110px 90px 170px 200px';
const TABLE_MIN_WIDTH = 80 + 200 + 170 + 110 + 90 + 170 + 200 + 6 * 12 + 16;

interface RowData {
  alerts: Alert[];
  onOpen: (id: string) => void;
  onChanged: (alert: Alert) => void;
  issuesByAlert?: Map<string, AlertIssue[]>;
}

const NO_ISSUES: AlertIssue[] = [];

/**
 * One alert. Memoized on the alert object: a push that changes one alert
 * re-renders that row only (mergeAlerts keeps the others' identities).
 */
const AlertRow = memo(function AlertRowView(props: {
  alert: Alert;
  index: number;
  style: CSSProperties;
  onOpen: (id: string) => void;
  onChanged: (alert: Alert) => void;
  issues: AlertIssue[];
}) {
  const { alert, index, style, onOpen, onChanged, issues } = props;
  return (
    // A click anywhere on the row is a pointer shortcut; the keyboard path
    // is the rule name, a button. Clicks on the action buttons act, not open.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      role="row"
      aria-rowindex={index + 2}
      data-alert-id={alert.id}
      className="alert-row"
      style={style}
      onClick={e => {
        if (!(e.target as Element).closest('button, a')) onOpen(alert.id);
      }}
    >
      <div role="cell">
        <Chip
          size="small"
          label={alert.severity}
          color={severityColor[alert.severity]}
        />
      </div>
      <div role="cell">
        <Link
          component="button"
          underline="hover"
          aria-haspopup="dialog"
          onClick={() => onOpen(alert.id)}
        >
          {alert.name}
        </Link>
        <IssueChips issues={issues} />
      </div>
      <div role="cell" title={alert.targetResourceId ?? undefined}>
        {alert.targetResourceId ? resourceName(alert.targetResourceId) : '—'}
      </div>
      <div role="cell">{alert.state}</div>
      <div role="cell">{alert.monitorCondition}</div>
      <div role="cell">{new Date(alert.firedAt).toLocaleString()}</div>
      <div role="cell">
        <AlertActions alert={alert} onChanged={onChanged} />
      </div>
    </div>
  );
});

const Row = memo(function RowView({
  index,
  style,
  data,
}: ListChildComponentProps<RowData>) {
  return (
    <AlertRow
      alert={data.alerts[index]}
      index={index}
      style={style}
      onOpen={data.onOpen}
      onChanged={data.onChanged}
      issues={issuesFor(data.alerts[index], data.issuesByAlert)}
    />
  );
},
areEqual);

/** The alert's issues; the same empty array when it has none, so memoized rows stay put. */
function issuesFor(
  alert: Alert,
  byAlert: Map<string, AlertIssue[]> | undefined,
): AlertIssue[] {
  const listed = byAlert?.get(alert.id);
  if (!listed && !alert.issues?.length) return NO_ISSUES;
  return issuesOf(alert.issues, listed);
}

const RowGroup = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function RowGroupView(props, ref) {
    return <div ref={ref} role="rowgroup" {...props} />;
  },
);

/**
 * The alerts as an ARIA table whose body is virtualized (react-window):
 * only the rows in view (plus a few) are in the DOM, so 10,000 alerts cost
 * what 20 do. `aria-rowcount` tells assistive technology (and tests) how
 * many rows there are in all. Calls `onEndReached` when the user scrolls
 * near the last row, and again after each load while still there.
 */
export function AlertList(props: {
  alerts: Alert[];
  onOpen: (id: string) => void;
  onChanged: (alert: Alert) => void;
  onEndReached: () => void;
  /** Issues of each alert from the System's issue list (live), besides `alert.issues`. */
  issuesByAlert?: Map<string, AlertIssue[]>;
}) {
  const { alerts, onOpen, onChanged, onEndReached, issuesByAlert } = props;
  const itemData = useMemo<RowData>(
    () => ({ alerts, onOpen, onChanged, issuesByAlert }),
    [alerts, onOpen, onChanged, issuesByAlert],
  );
  const [lastVisible, setLastVisible] = useState(-1);
  const nearEnd =
    alerts.length > 0 && lastVisible >= alerts.length - 1 - LOAD_AHEAD_ROWS;
  // Runs again when onEndReached changes (a load finished): a page that
  // added no rows leaves the user at the end, so the next one is fetched.
  useEffect(() => {
    if (nearEnd) onEndReached();
  }, [nearEnd, onEndReached]);

  return (
    <Box
      sx={{
        overflowX: 'auto',
        '& [role=row]': {
          display: 'grid',
          gridTemplateColumns: GRID,
          alignItems: 'center',
          columnGap: 1.5,
          px: 1,
          boxSizing: 'border-box',
          borderBottom: 1,
          borderColor: 'divider',
        },
        '& [role=columnheader]': {
          typography: 'body2',
          fontWeight: 'bold',
          py: 1,
        },
        '& [role=cell]': {
          typography: 'body2',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        },
        '& .alert-row': {
          cursor: 'pointer',
          '&:hover': { bgcolor: 'action.hover' },
        },
      }}
    >
      <Box
        role="table"
        aria-label="Alerts"
        aria-rowcount={alerts.length + 1}
        sx={{ minWidth: TABLE_MIN_WIDTH }}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1}>
            {COLUMNS.map(c => (
              <div role="columnheader" key={c}>
                {c}
              </div>
            ))}
          </div>
        </div>
        <FixedSizeList<RowData>
          height={Math.min(alerts.length, VISIBLE_ROWS) * ROW_HEIGHT}
          width="100%"
          itemCount={alerts.length}
          itemSize={ROW_HEIGHT}
          itemData={itemData}
          itemKey={(index, data) => data.alerts[index].id}
          innerElementType={RowGroup}
          overscanCount={4}
          onItemsRendered={({ visibleStopIndex }) =>
            setLastVisible(visibleStopIndex)
          }
        >
          {Row}
        </FixedSizeList>
      </Box>
    </Box>
  );
}
