import type { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import {
  ANNOTATION_AZURE_RESOURCE_GROUP,
  ANNOTATION_BUDGET,
  ANNOTATION_GITHUB_PROJECT_SLUG,
} from '@internal/plugin-sre-control-center-common';
import Typography from '@mui/material/Typography';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';

/** Splits `/subscriptions/S/resourceGroups/RG` into its parts. */
export function parseResourceGroupId(id: string | undefined) {
  const match = id?.match(
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i,
  );
  return match
    ? { subscriptionId: match[1], resourceGroup: match[2] }
    : undefined;
}

/** Where the project lives in Azure and GitHub, from the System's annotations. */
export function AzureStackCard({ entity }: { entity: Entity }) {
  const annotations = entity.metadata.annotations ?? {};
  const group = parseResourceGroupId(
    annotations[ANNOTATION_AZURE_RESOURCE_GROUP],
  );
  const rows: Array<[string, string]> = [
    ['Subscription', group?.subscriptionId ?? '—'],
    ['Resource group', group?.resourceGroup ?? '—'],
    ['Budget', annotations[ANNOTATION_BUDGET] ?? '—'],
    ['Repository', annotations[ANNOTATION_GITHUB_PROJECT_SLUG] ?? '—'],
  ];
  return (
    <InfoCard title="Azure stack">
      {!group && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Add the <code>{ANNOTATION_AZURE_RESOURCE_GROUP}</code> annotation (the
          resource group's full ARM id) to this System to connect it to Azure.
        </Typography>
      )}
      <Table size="small" aria-label="Azure stack">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell
                component="th"
                scope="row"
                sx={{ whiteSpace: 'nowrap' }}
              >
                {label}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
