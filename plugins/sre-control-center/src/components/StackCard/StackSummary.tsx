import type { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import {
  ANNOTATION_AZURE_RESOURCE_GROUP,
  ANNOTATION_BUDGET,
  ANNOTATION_GITHUB_PROJECT_SLUG,
  parseResourceGroupId,
} from '@sre-control-center/plugin-sre-control-center-common';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Where the project lives in Azure and GitHub, from the System's annotations. */
export function StackSummary({ entity }: { entity: Entity }) {
  const annotations = entity.metadata.annotations ?? {};
  const groupId = annotations[ANNOTATION_AZURE_RESOURCE_GROUP];
  const group = groupId ? parseResourceGroupId(groupId) : undefined;
  const slug = annotations[ANNOTATION_GITHUB_PROJECT_SLUG];
  const rows: Array<[string, ReactNode]> = [
    ['Subscription', group?.subscriptionId ?? '—'],
    [
      'Resource group',
      group ? (
        <Link
          to={`https://portal.azure.com/#resource${groupId}/overview`}
          target="_blank"
          rel="noopener"
        >
          {group.resourceGroup}
        </Link>
      ) : (
        '—'
      ),
    ],
    ['Budget', annotations[ANNOTATION_BUDGET] ?? '—'],
    [
      'Repository',
      slug ? (
        <Link to={`https://github.com/${slug}`} target="_blank" rel="noopener">
          {slug}
        </Link>
      ) : (
        '—'
      ),
    ],
  ];
  return (
    <>
      {!group && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Add the <code>{ANNOTATION_AZURE_RESOURCE_GROUP}</code> annotation (the
          resource group's full ARM id) to this System to connect it to Azure.
        </Typography>
      )}
      <Table size="small" aria-label="Where the stack lives" sx={{ mb: 2 }}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell
                component="th"
                scope="row"
                sx={{ whiteSpace: 'nowrap', width: '1%' }}
              >
                {label}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
