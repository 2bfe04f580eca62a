// Vitest setup for renderer tests: unmount between tests and leave no fake clock or window.kiosk behind.
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete window.kiosk;
  window.sessionStorage.clear();
});
