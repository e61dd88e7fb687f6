// Applies the saved or system theme before the first paint (a separate file: the CSP forbids inline scripts).
(function () {
  try {
    var saved = localStorage.getItem('billing-console.theme');
    var dark = saved === 'dark' || (saved !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch {
    /* storage may be off: the light theme stays */
  }
})();
