// One parser for ARM ids across the SRE Control Center packages.
export {
  parseArmResourceId,
  parseResourceGroupId,
  type ArmResourceId,
} from '@sre-control-center/plugin-sre-control-center-common';
