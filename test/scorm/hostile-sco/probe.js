/*
 * Each probe tries one attack and says what it got: `blocked: true` when the browser refused it, else
 * what it read or did. Results go to window.probeResults, and to the LMS through the SCORM API.
 */
(function () {
  var results = {};

  function findApi(win) {
    for (var i = 0; win && i < 10; i++, win = win.parent) {
      try {
        if (win.API) return win.API;
      } catch {
        // A cross-origin frame above: go on up.
      }
      if (win === win.parent) break;
    }
    return null;
  }

  function attempt(name, fn) {
    return Promise.resolve()
      .then(fn)
      .then(
        function (value) {
          results[name] = { blocked: false, got: value === undefined ? null : value };
        },
        function (error) {
          results[name] = {
            blocked: true,
            error: error && error.name && error.name !== 'Error' ? error.name : String((error && error.message) || error),
          };
        },
      );
  }

  function idbRequest(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () {
        resolve(req.result);
      };
      req.onerror = function () {
        reject(req.error);
      };
    });
  }

  function openDb(name) {
    var req = indexedDB.open(name);
    return idbRequest(req);
  }

  var probes = [
    [
      'hostDom',
      function () {
        return window.top.document.title;
      },
    ],
    [
      'hostLocalStorage',
      function () {
        return window.top.localStorage.getItem('host-secret');
      },
    ],
    [
      'ownLocalStorage',
      function () {
        return localStorage.getItem('host-secret');
      },
    ],
    [
      'cookies',
      function () {
        if (document.cookie.indexOf('host-secret') >= 0) return document.cookie;
        throw new Error('NoHostCookie');
      },
    ],
    [
      'databases',
      function () {
        return indexedDB.databases().then(function (list) {
          var names = list.map(function (db) {
            return db.name;
          });
          if (!names.length) throw new Error('NoDatabase');
          return names;
        });
      },
    ],
    [
      'otherProgress',
      function () {
        // Every database of this origin with a progress store (the LMS's, if this were its origin): mark every course completed.
        return indexedDB.databases().then(function (list) {
          return Promise.all(
            list.map(function (info) {
              return openDb(info.name).then(function (db) {
                if (!db.objectStoreNames.contains('progress')) return (db.close(), 0);
                var store = db.transaction('progress', 'readwrite').objectStore('progress');
                return idbRequest(store.getAll()).then(function (all) {
                  all.forEach(function (record) {
                    record.status = 'completed';
                    store.put(record);
                  });
                  db.close();
                  return all.length;
                });
              });
            }),
          ).then(function (counts) {
            var total = counts.reduce(function (a, b) {
              return a + b;
            }, 0);
            if (!total) throw new Error('NoProgressFound');
            return total;
          });
        });
      },
    ],
    [
      'certificateKey',
      function () {
        return openDb('lms-kit-certificate-keys').then(function (db) {
          if (!db.objectStoreNames.contains('keys')) {
            db.close();
            throw new Error('NoKeyStore');
          }
          return idbRequest(db.transaction('keys').objectStore('keys').get('signing')).then(function (pair) {
            db.close();
            if (!pair) throw new Error('NoKey');
            return crypto.subtle
              .sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode('forged'))
              .then(function () {
                return 'signed with the learner key';
              });
          });
        });
      },
    ],
    [
      'hostPackageFiles',
      function () {
        // The LMS origin's package database: overwrite every stored file.
        return openDb('lms-kit-packages').then(function (db) {
          if (!db.objectStoreNames.contains('files')) {
            db.close();
            throw new Error('NoPackageStore');
          }
          var store = db.transaction('files', 'readwrite').objectStore('files');
          return idbRequest(store.getAll()).then(function (all) {
            all.forEach(function (file) {
              file.data = new Blob(['<h1>PWNED</h1>'], { type: 'text/html' });
              store.put(file);
            });
            db.close();
            return all.length;
          });
        });
      },
    ],
    [
      'contentCaches',
      function () {
        // Whatever this origin caches (other launches' files): overwrite it. Reported, not refused.
        return caches.keys().then(function (names) {
          return Promise.all(
            names.map(function (name) {
              return caches.open(name).then(function (cache) {
                return cache.keys().then(function (requests) {
                  return Promise.all(
                    requests.map(function (request) {
                      if (request.url.indexOf('probe.js') >= 0 || request.url.indexOf('hostile') >= 0) return null;
                      return cache.put(request, new Response('<h1>PWNED</h1>', { headers: { 'Content-Type': 'text/html' } }));
                    }),
                  );
                });
              });
            }),
          ).then(function () {
            return names;
          });
        });
      },
    ],
    [
      'serviceWorkers',
      function () {
        return navigator.serviceWorker.getRegistrations().then(function (registrations) {
          return Promise.all(
            registrations.map(function (registration) {
              return registration.unregister().then(function () {
                return registration.scope;
              });
            }),
          );
        });
      },
    ],
    [
      'neighbours',
      function () {
        // Other content frames of the LMS page (another player's launch, on the same content origin): script them.
        var reached = [];
        var own = window.parent;
        for (var i = 0; i < window.top.frames.length; i++) {
          var other = window.top.frames[i];
          if (other === own) continue;
          try {
            var api = other.API || other.API_1484_11;
            reached.push(other.document.title + (api ? ' (API)' : ''));
          } catch {
            // Cross-origin: out of reach.
          }
        }
        if (!reached.length) throw new Error('NoNeighbourReached (' + window.top.frames.length + ' frames)');
        return reached;
      },
    ],
    [
      'topNavigation',
      function () {
        window.top.location.href = 'about:blank#pwned';
        return 'navigation asked';
      },
    ],
    [
      'popup',
      function () {
        var opened = window.open('about:blank#pwned');
        if (!opened) throw new Error('PopupBlocked');
        return 'opened';
      },
    ],
    [
      'bridgeMethods',
      function () {
        // Methods of the LMS's API object that content must not reach through the bridge, sent from the
        // window the bridge answers (the frame above this one, which this content can script when it shares its origin).
        var sender = window.parent === window.top ? window : window.parent;
        return new Promise(function (resolve) {
          var answers = [];
          function onMessage(event) {
            if (event.data && /^probe-/.test(event.data.messageId)) answers.push(event.data.error ? event.data.error.message : 'ran');
            if (answers.length === 2) resolve(answers);
          }
          sender.addEventListener('message', onMessage);
          var send = new sender.Function(
            'top.postMessage({ messageId: "probe-1", method: "loadFromJSON", params: [{ cmi: { core: { lesson_status: "passed" } } }] }, "*");' +
              'top.postMessage({ messageId: "probe-2", method: "reset", params: [] }, "*");',
          );
          send();
          setTimeout(function () {
            resolve(answers);
          }, 2000);
        }).then(function (answers) {
          if (answers.indexOf('ran') >= 0 || answers.length === 0) return answers;
          throw new Error(answers.join('; '));
        });
      },
    ],
  ];

  var api = findApi(window);
  if (api) api.LMSInitialize('');
  probes
    .reduce(function (chain, probe) {
      return chain.then(function () {
        return attempt(probe[0], probe[1]);
      });
    }, Promise.resolve())
    .then(function () {
      window.probeResults = results;
      document.getElementById('status').textContent = 'Probed';
      if (api) {
        api.LMSSetValue('cmi.suspend_data', JSON.stringify(results).slice(0, 4096));
        api.LMSSetValue('cmi.core.lesson_status', 'completed');
        api.LMSCommit('');
      }
    });
})();
