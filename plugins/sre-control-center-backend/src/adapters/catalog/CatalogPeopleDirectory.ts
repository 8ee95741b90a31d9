import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_PHONE,
  e164Schema,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { PeopleDirectory } from '../../domain/escalation';

/** Phone numbers from the User entities' `sre-control-center/phone` annotation. */
export class CatalogPeopleDirectory implements PeopleDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async phoneOf(userRef: string): Promise<string | undefined> {
    const entity = await this.catalog.getEntityByRef(userRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    if (!entity) throw new Error(`${userRef} is not in the catalog`);
    const value = entity.metadata.annotations?.[ANNOTATION_PHONE];
    if (value === undefined) return undefined;
    const parsed = e164Schema.safeParse(value.replace(/[\s()-]/g, ''));
    if (!parsed.success) {
      throw new Error(
        `${userRef} has ${ANNOTATION_PHONE}: ${value}, not an E.164 number`,
      );
    }
    return parsed.data;
  }
}
