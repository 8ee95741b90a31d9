import {
  InfoCard,
  Progress,
  EmptyState,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type {
  Alert,
  AlertIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAlerts } from '../../hooks/useAlerts';
import { useIssues } from '../../hooks/useIssues';
import { POLL_WITHOUT_SIGNALS_MS } from '../../hooks/useProjectResource';
import { AlertDrawer } from './AlertDrawer';
import { AlertFilters } from './AlertFilters';
import { AlertList } from './AlertList';
import { matchesFilters, resourcesOf, type FeedFilters } from './alertView';

/**
 * Pages are fetched automatically (on scrolling to the end, or while the
 * filters leave the view empty) until this many alerts are loaded; beyond
 * it, only on request, so a filter matching nothing does not pull a whole
 * history.
 */
export const AUTO_LOAD_LIMIT = 10_000;

function useSelectedAlert(items: Alert[] | undefined) {
  const [selectedId, setSelectedId] = useState<string>();
  // The drawer keeps showing an alert that left the list (e.g. on reload).
  const last = useRef<Alert>();
  const found = selectedId ? items?.find(a => a.id === selectedId) : undefined;
  if (found) last.current = found;
  const selected = selectedId ? found ?? last.current : undefined;
  return {
    selected,
    open: useCallback((id: string) => setSelectedId(id), []),
    close: useCallback(() => setSelectedId(undefined), []),
  };
}

/** The project's alerts, newest first, filterable, with a detail drawer. */
export function AlertFeedCard({
  entityRef,
  onFirstPage,
}: {
  entityRef: string;
  /** Called once the first page of alerts (or its error) is in. */
  onFirstPage?: () => void;
}) {
  const [filters, setFilters] = useState<FeedFilters>({});
  const feed = useAlerts(entityRef, {
    state: filters.state,
    severity: filters.severity,
  });
  const { items, hasMore, loadingMore, loadMore } = feed;
  const firstPageIn = !feed.loading;
  useEffect(() => {
    if (firstPageIn) onFirstPage?.();
  }, [firstPageIn, onFirstPage]);
  const shown = useMemo(
    () => items?.filter(a => matchesFilters(a, filters)),
    [items, filters],
  );
  const resources = useMemo(() => resourcesOf(items ?? []), [items]);
  const drawer = useSelectedAlert(items);
  const issues = useIssues(entityRef);
  // Shown at once, before the issues.changed push reloads the list.
  const [opened, setOpened] = useState<Map<string, AlertIssue[]>>(new Map());
  const issuesByAlert = useMemo(() => {
    if (opened.size === 0) return issues.byAlert;
    const merged = new Map(issues.byAlert);
    for (const [id, list] of opened) {
      merged.set(id, [...(merged.get(id) ?? []), ...list]);
    }
    return merged;
  }, [issues.byAlert, opened]);

  const autoLoad = (items?.length ?? 0) < AUTO_LOAD_LIMIT;
  const onEndReached = useCallback(() => {
    if (hasMore && !loadingMore && autoLoad) loadMore();
  }, [hasMore, loadingMore, autoLoad, loadMore]);
  // Nothing on screen matches yet: look further back.
  const emptyView = shown !== undefined && shown.length === 0;
  useEffect(() => {
    if (emptyView) onEndReached();
  }, [emptyView, onEndReached]);

  const filtered = Boolean(
    filters.severity || filters.state || filters.resource,
  );
  let content;
  if (feed.loading) {
    content = <Progress />;
  } else if (feed.error) {
    content = <ResponseErrorPanel error={feed.error} />;
  } else if (!shown || shown.length === 0) {
    content = filtered ? (
      <Typography variant="body2" color="text.secondary">
        No alerts match these filters
        {hasMore ? ` among the ${items?.length ?? 0} newest` : ''}.
      </Typography>
    ) : (
      <EmptyState
        missing="data"
        title="No alerts for this project"
        description={
          <>
            Alerts appear here when the Azure Monitor action group posts to{' '}
            <code>/api/sre-control-center/webhooks/azure-monitor</code>.
          </>
        }
      />
    );
  } else {
    content = (
      <AlertList
        alerts={shown}
        onOpen={drawer.open}
        onChanged={feed.showChanged}
        onEndReached={onEndReached}
        issuesByAlert={issuesByAlert}
      />
    );
  }

  return (
    <InfoCard
      title="Alerts"
      subheader={
        feed.live
          ? 'Live: updates are pushed as Azure Monitor sends them'
          : `Refreshed every ${POLL_WITHOUT_SIGNALS_MS / 1000} s`
      }
    >
      <Stack spacing={2}>
        <Stack
          direction="row"
          spacing={2}
          alignItems="center"
          justifyContent="space-between"
          flexWrap="wrap"
          useFlexGap
        >
          <AlertFilters
            value={filters}
            resources={resources}
            onChange={setFilters}
          />
          {items && (
            <Stack direction="row" spacing={1} alignItems="center">
              <Typography
                variant="body2"
                color="text.secondary"
                aria-live="polite"
              >
                {filtered
                  ? `${shown?.length ?? 0} of ${items.length} loaded`
                  : `${items.length} loaded`}
                {hasMore ? ', older ones load as you scroll' : ''}
              </Typography>
              {hasMore && (
                <Button size="small" onClick={loadMore} disabled={loadingMore}>
                  {loadingMore ? 'Loading…' : 'Load older'}
                </Button>
              )}
            </Stack>
          )}
        </Stack>
        {feed.moreError && <ResponseErrorPanel error={feed.moreError} />}
        {content}
      </Stack>
      <AlertDrawer
        alert={drawer.selected}
        onClose={drawer.close}
        onChanged={feed.showChanged}
        issues={
          drawer.selected ? issuesByAlert.get(drawer.selected.id) : undefined
        }
        onIssueOpened={issue => {
          const id = drawer.selected?.id;
          if (!id) return;
          setOpened(current => new Map(current).set(id, [issue]));
          issues.reload();
        }}
      />
    </InfoCard>
  );
}
