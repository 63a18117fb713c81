/**
 * Fixture builders and a mock API for tests of apps that install the ECS tab.
 *
 * @packageDocumentation
 */

export * from './fixtures';
export * from './scenarios';
export { MockEcsEc2Api } from './MockEcsEc2Api';
