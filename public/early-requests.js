// Starts the invoice list's requests while the console's code is still downloading (a file, not an
// inline script: the CSP forbids those). The server adds it to that page only (server/http/spa.ts);
// src/api/early-responses.ts hands the answers to the first matching request, which parses them.
(function () {
  var script = document.currentScript;
  try {
    var match = /^\/organizations\/([0-9a-f-]{36})\/invoices\/?$/.exec(location.pathname);
    var session = JSON.parse(sessionStorage.getItem('billing-console.session') || 'null');
    if (!match || !session || !session.token) return;
    var id = match[1];
    // A viewer may not read invoices: the page explains instead (src/api/permissions.ts).
    var member = (session.memberships || []).filter(function (m) {
      return m.organization_id === id;
    })[0];
    if (session.memberships && (!member || member.role === 'viewer')) return;
    var authorization = session.scheme + ' ' + session.token;
    var started = (window.__earlyRequests = {});
    ['/api/organization', '/api/organization/' + id + '/invoice'].forEach(function (path) {
      var response = (started[authorization + ' ' + path] = fetch(path, { headers: { Accept: 'application/json', Authorization: authorization }, credentials: 'same-origin' }).then(
        function (answer) {
          // The whole body is read now, into a Blob (which the browser fills off the main thread), not
          // when the console's code gets to it: an unread body stalls the transfer once the browser's
          // buffer is full, and 10,000 invoices are several megabytes of JSON.
          if (answer.status !== 200) return answer;
          return answer.blob().then(function (body) {
            return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
          });
        },
      ));
      response.catch(function () {
        /* the console's own request reports it */
      });
    });
  } catch (error) {
    /* storage may be off: the console requests as usual */
  }
  // Then the page's chunks (server/http/early-pages.ts lists them), which the router would otherwise
  // ask for only once the entry has run. As links in the HTML, the browser's preload scanner found
  // them first, and their requests filled its six connections before those above could start.
  ((script && script.getAttribute('data-modules')) || '').split(' ').forEach(function (href) {
    if (!href) return;
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  });
})();
