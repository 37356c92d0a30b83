// Passkeys: the browser's WebAuthn ceremony for adding a passkey and for signing in with one. The
// server makes the options and checks the answer; this only carries them across.
"use strict";

(function () {
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  function post(path, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      headers[header] = token;
    }
    return fetch(path, { method: "POST", headers: headers, body: JSON.stringify(body), credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("refused: " + response.status);
        }
        return response.json();
      });
  }

  function show(id) {
    var element = document.getElementById(id);
    if (element) {
      element.hidden = false;
    }
  }

  var add = document.getElementById("add-passkey");
  if (add && window.PublicKeyCredential) {
    add.addEventListener("click", function () {
      var name = document.getElementById("passkey-name").value;
      post("/account/two-factor/passkeys/options", {})
        .then(function (ceremony) {
          var options = PublicKeyCredential.parseCreationOptionsFromJSON(ceremony.options);
          return navigator.credentials.create({ publicKey: options }).then(function (credential) {
            return post("/account/two-factor/passkeys",
              { ceremony: ceremony.id, name: name, credential: credential.toJSON() });
          });
        })
        .then(function () { window.location.assign("/account/two-factor"); })
        .catch(function () { show("add-passkey-error"); });
    });
  }

  var use = document.getElementById("use-passkey");
  if (use && window.PublicKeyCredential) {
    use.addEventListener("click", function () {
      var challenge = use.getAttribute("data-challenge");
      post("/sign-in/passkey/options", { challenge: challenge })
        .then(function (ceremony) {
          var options = PublicKeyCredential.parseRequestOptionsFromJSON(ceremony.options);
          return navigator.credentials.get({ publicKey: options }).then(function (credential) {
            return post("/sign-in/passkey",
              { challenge: challenge, ceremony: ceremony.id, credential: credential.toJSON() });
          });
        })
        .then(function (done) { window.location.assign(done.redirect); })
        .catch(function () { show("passkey-error"); });
    });
  }
})();
