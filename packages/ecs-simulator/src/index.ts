/**
 * An AWS-compatible ECS, CloudWatch and Auto Scaling endpoint for demos, tests and benchmarks.
 *
 * @packageDocumentation
 */

export {};
