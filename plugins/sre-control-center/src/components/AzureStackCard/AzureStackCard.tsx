import { RELATION_HAS_PART, type Entity } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import {
  EntityRefLink,
  useRelatedEntities,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AZURE_RESOURCE_GROUP,
  ANNOTATION_AZURE_RESOURCE_ID,
  ANNOTATION_BUDGET,
  ANNOTATION_GITHUB_PROJECT_SLUG,
} from '@sre-control-center/plugin-sre-control-center-common';
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

/** The System's Resource entities: what Terraform provisioned, as the catalog knows it. */
function ProvisionedResources({ entity }: { entity: Entity }) {
  const { entities, loading, error } = useRelatedEntities(entity, {
    type: RELATION_HAS_PART,
    kind: 'resource',
  });
  if (loading) return <Progress />;
  if (error) {
    return (
      <Typography variant="body2" color="error">
        Could not read the System's resources: {error.message}
      </Typography>
    );
  }
  if (!entities || entities.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No Resource entities belong to this System yet.
      </Typography>
    );
  }
  const sorted = [...entities].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  return (
    <Table size="small" aria-label="Provisioned resources">
      <TableBody>
        {sorted.map(resource => (
          <TableRow key={resource.metadata.name}>
            <TableCell>
              <EntityRefLink entityRef={resource} defaultKind="resource">
                {resource.metadata.name}
              </EntityRefLink>
            </TableCell>
            <TableCell sx={{ color: 'text.secondary' }}>
              {String(resource.spec?.type ?? '')}
              {!resource.metadata.annotations?.[ANNOTATION_AZURE_RESOURCE_ID] &&
                ' (no Azure resource id)'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
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
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Provisioned resources
      </Typography>
      <ProvisionedResources entity={entity} />
    </InfoCard>
  );
}
