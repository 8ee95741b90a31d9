import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useStack } from '../../hooks/useStack';
import { ProvisionedResources } from './ProvisionedResources';
import { StackCard } from './StackCard';
import { StackSummary } from './StackSummary';

/**
 * The stack card of a System page: where the stack lives (annotations), and
 * the backend's last snapshot of it (`GET /stack`, kept live by
 * `stack.changed`); until the first snapshot, the catalog's Resource entities.
 */
export function EntityStackCard({ entity }: { entity: Entity }) {
  const { snapshot, loading, error } = useStack(stringifyEntityRef(entity));
  return (
    <StackCard
      snapshot={snapshot}
      loading={loading}
      error={error}
      summary={<StackSummary entity={entity} />}
      fallback={<ProvisionedResources entity={entity} />}
    />
  );
}
