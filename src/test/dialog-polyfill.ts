/**
 * jsdom has <dialog> and its `open` attribute but not showModal() or close(). This stand-in keeps
 * what the components rely on: opening sets `open`, closing clears it and fires `close` (which the
 * Dialog reports through onClose). Focus trapping and the backdrop are the browser's, seen in e2e.
 */
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}
