import { z } from 'zod';
import { parseArmResourceId, type ArmResourceId } from './armResourceId';
import { SPEC_TYPE, specTypeFor } from './resourceTypes';

/**
 * The structured output the Terraform stack publishes for the portal.
 *
 * @public
 */
export const STRUCTURED_OUTPUT = 'sre_control_center_resources';

/**
 * One Azure resource of a stack, as its Terraform outputs name it.
 *
 * @public
 */
export interface StackResource {
  /** The Terraform output it came from, e.g. `app_service_id` or `sre_control_center_resources[2]`. */
  output: string;
  arm: ArmResourceId;
  /** Catalog entity name: the Azure resource's name. */
  name: string;
  /** Catalog `spec.type`, e.g. `azure-app-service`. */
  specType: string;
}

/**
 * Outputs that cannot become entities; the message names the output.
 *
 * @public
 */
export class OutputsRejected extends Error {
  readonly name = 'OutputsRejected';
}

// `terraform output -json`: every output is { sensitive, type, value }.
const outputsSchema = z.record(
  z.string(),
  z.looseObject({
    value: z.unknown(),
    sensitive: z.boolean().optional(),
    type: z.unknown().optional(),
  }),
);

const structuredEntrySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
});

// What Backstage accepts as an entity name.
const ENTITY_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

function fromStructured(value: unknown): StackResource[] {
  let entries: Array<[string, unknown]> = [];
  if (Array.isArray(value)) {
    entries = value.map((v, i) => [`${STRUCTURED_OUTPUT}[${i}]`, v]);
  } else if (typeof value === 'object' && value !== null) {
    entries = Object.entries(value).map(([k, v]) => [
      `${STRUCTURED_OUTPUT}.${k}`,
      v,
    ]);
  }
  if (entries.length === 0) {
    throw new OutputsRejected(
      `output "${STRUCTURED_OUTPUT}" must be a non-empty list or map of { id, name, type }`,
    );
  }
  return entries.map(([output, raw]) => {
    const entry = structuredEntrySchema.safeParse(raw);
    if (!entry.success) {
      throw new OutputsRejected(
        `output "${output}" names no resource id: expected { id, name, type } strings`,
      );
    }
    const arm = parseArmResourceId(entry.data.id);
    if (!arm) {
      throw new OutputsRejected(
        `output "${output}" names no resource id: "${entry.data.id.slice(
          0,
          200,
        )}" is not an ARM resource id`,
      );
    }
    if (!SPEC_TYPE.test(entry.data.type)) {
      throw new OutputsRejected(
        `output "${output}": type "${entry.data.type.slice(
          0,
          80,
        )}" is not a resource type such as azure-app-service`,
      );
    }
    if (entry.data.name.toLowerCase() !== arm.name.toLowerCase()) {
      throw new OutputsRejected(
        `output "${output}": name "${entry.data.name.slice(
          0,
          80,
        )}" is not the name in its resource id (${arm.name})`,
      );
    }
    return { output, arm, name: arm.name, specType: entry.data.type };
  });
}

function fromResourceIdOutputs(
  outputs: Record<string, { value: unknown }>,
): StackResource[] {
  const resources: StackResource[] = [];
  for (const [output, { value }] of Object.entries(outputs)) {
    if (typeof value !== 'string' || !/^\/subscriptions\//i.test(value))
      continue;
    const arm = parseArmResourceId(value);
    if (!arm) {
      // A resource group id is no resource; anything else shaped like an id is a mistake.
      if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/?$/i.test(value))
        continue;
      throw new OutputsRejected(
        `output "${output}" names no resource id: "${value.slice(
          0,
          200,
        )}" is not an ARM resource id`,
      );
    }
    // Subnets and other child resources belong to their parent's entity.
    if (arm.child) continue;
    resources.push({
      output,
      arm,
      name: arm.name,
      specType: specTypeFor(arm.namespace, arm.type),
    });
  }
  return resources;
}

/**
 * Turns the text of `terraform output -json` into the stack's resources.
 * Uses the structured `sre_control_center_resources` output when there is
 * one, else every string output that is an ARM resource id (typed from its
 * provider type). Anything that would make a wrong entity is refused with
 * an OutputsRejected naming the output: not JSON, not that shape, an entry
 * without a resource id, a resource of another subscription, two resources
 * that would get the same entity name.
 *
 * @public
 */
export function parseTerraformOutputs(
  text: string,
  options: { subscriptionId: string },
): StackResource[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OutputsRejected(
      `outputs did not parse: not JSON (${(error as Error).message})`,
    );
  }
  const parsed = outputsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const output = issue.path[0];
    throw new OutputsRejected(
      output === undefined
        ? 'outputs did not parse: expected the object `terraform output -json` prints ({ "<name>": { "sensitive", "type", "value" } })'
        : `outputs did not parse: output "${String(
            output,
          )}" is not { sensitive, type, value } as \`terraform output -json\` prints it`,
    );
  }
  const outputs = parsed.data;
  const resources =
    STRUCTURED_OUTPUT in outputs
      ? fromStructured(outputs[STRUCTURED_OUTPUT].value)
      : fromResourceIdOutputs(outputs);
  if (resources.length === 0) {
    throw new OutputsRejected(
      `no output names an ARM resource id (expected "${STRUCTURED_OUTPUT}" or *_id outputs)`,
    );
  }

  const byName = new Map<string, StackResource>();
  const unique: StackResource[] = [];
  for (const resource of resources) {
    if (resource.arm.subscriptionId !== options.subscriptionId.toLowerCase()) {
      throw new OutputsRejected(
        `output "${resource.output}": resource ${resource.arm.name} is in subscription ${resource.arm.subscriptionId}, not in the System's subscription ${options.subscriptionId}`,
      );
    }
    if (!ENTITY_NAME.test(resource.name)) {
      throw new OutputsRejected(
        `output "${resource.output}": "${resource.name}" cannot be a catalog entity name (letters, digits, . _ -, at most 63)`,
      );
    }
    const key = resource.name.toLowerCase();
    const seen = byName.get(key);
    if (seen) {
      if (seen.arm.id.toLowerCase() === resource.arm.id.toLowerCase()) continue;
      throw new OutputsRejected(
        `outputs "${seen.output}" and "${resource.output}" are two resources named ${resource.name}; entity names must be unique`,
      );
    }
    byName.set(key, resource);
    unique.push(resource);
  }
  return unique;
}
