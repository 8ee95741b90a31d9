export { ControlCenterContent } from './ControlCenterContent';
