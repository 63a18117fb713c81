import '@testing-library/jest-dom';

/**
 * Stand-in for the browser's ResizeObserver, which jsdom does not implement.
 * recharts' ResponsiveContainer constructs one on mount and throws without it.
 * jsdom has no layout, so no element ever changes size and the callback never runs.
 */
class ResizeObserverStandIn implements ResizeObserver {
  observe(): void {}

  unobserve(): void {}

  disconnect(): void {}
}

if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = ResizeObserverStandIn;
}
