import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';

// RxDB's dev-mode checks schemas and writes strictly: in tests only, never in the built app.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

afterEach(() => cleanup());

// user-event types key by key and RxDB writes through fake IndexedDB: slower than 5 s on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 });

// Mantine reads these browser APIs that jsdom does not have.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
}
