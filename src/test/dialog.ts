import { beforeAll } from 'vitest';

/**
 * jsdom has no showModal() or close() on <dialog>: this stands in for the browser's, opening and
 * closing the element and firing `close`, so that component tests can drive ConfirmDialog. Focus
 * trapping and Escape are the browser's job and are covered end to end.
 */
export function polyfillDialog(): void {
  beforeAll(() => {
    const proto = HTMLDialogElement.prototype;
    if (typeof proto.showModal === 'function') return;
    proto.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    proto.close = function close(this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });
}
