/**
 * Annotations the provider puts on every Resource entity it emits. The
 * catalog module and the SRE Control Center backend are separate plugins: the
 * backend reads the provider's last status from these, not from memory. The
 * names are defined once, in the common package.
 */
export {
  ANNOTATION_AZURE_RESOURCE_ID,
  ANNOTATION_TERRAFORM_OUTPUT as ANNOTATION_OUTPUT_NAME,
  ANNOTATION_TERRAFORM_OUTPUTS_CHECKED_AT as ANNOTATION_OUTPUTS_CHECKED_AT,
  ANNOTATION_TERRAFORM_OUTPUTS_ERROR as ANNOTATION_OUTPUTS_ERROR,
  ANNOTATION_TERRAFORM_OUTPUTS_READ_AT as ANNOTATION_OUTPUTS_READ_AT,
  ANNOTATION_TERRAFORM_OUTPUTS_SOURCE as ANNOTATION_OUTPUTS_SOURCE,
  ANNOTATION_TERRAFORM_OUTPUTS_STATUS as ANNOTATION_OUTPUTS_STATUS,
} from '@sre-control-center/plugin-sre-control-center-common';
