import { RELATION_HAS_PART, type Entity } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  EntityRefLink,
  useRelatedEntities,
} from '@backstage/plugin-catalog-react';
import { ANNOTATION_AZURE_RESOURCE_ID } from '@sre-control-center/plugin-sre-control-center-common';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

/**
 * The System's Resource entities as the catalog knows them: what the stack
 * card shows until the backend's first snapshot of the stack.
 */
export function ProvisionedResources({ entity }: { entity: Entity }) {
  const { entities, loading, error } = useRelatedEntities(entity, {
    type: RELATION_HAS_PART,
    kind: 'resource',
  });
  if (loading) return <Progress />;
  if (error) {
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not read the System's resources"
      />
    );
  }
  if (!entities || entities.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No Resource entities belong to this System yet (they come from its
        Terraform outputs).
      </Typography>
    );
  }
  const sorted = [...entities].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        The stack has not been read from Azure yet; the catalog lists these
        resources.
      </Typography>
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
                {!resource.metadata.annotations?.[
                  ANNOTATION_AZURE_RESOURCE_ID
                ] && ' (no Azure resource id)'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
