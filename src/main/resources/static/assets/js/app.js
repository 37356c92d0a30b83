// Page behaviour lives here, never inline: the Content-Security-Policy allows no inline script.
"use strict";

(function () {
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // Every htmx request carries the CSRF token, like the page's own forms.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // A risky action's confirmation step (shared.Confirmation) opens as a dialog over its page;
  // Cancel closes it, changing nothing. Without script the step is a page, and Cancel a link back.
  var confirmDialog = document.getElementById("confirm-dialog");
  if (confirmDialog) {
    document.addEventListener("htmx:afterSwap", function (event) {
      if (event.detail.target === confirmDialog && !confirmDialog.open) {
        confirmDialog.showModal();
      }
    });
    confirmDialog.addEventListener("click", function (event) {
      if (event.target.closest("[data-dismiss-dialog]")) {
        event.preventDefault();
        confirmDialog.close();
      }
    });
    confirmDialog.addEventListener("close", function () {
      confirmDialog.replaceChildren();
    });
  }

  // Idle sign-out: warn before the session's idle timeout, offer to stay, and go to the sign-in
  // page when it has passed. The server enforces the timeout; this only tells the user.
  var idleSeconds = parseInt(meta("idle-timeout-seconds") || "0", 10);
  if (!idleSeconds) {
    return;
  }
  var warnBefore = Math.min(120, Math.floor(idleSeconds / 2));
  var dialog = document.getElementById("idle-warning");
  var countdown = document.getElementById("idle-warning-seconds");
  var warnTimer, endTimer, tickTimer;

  function signOutNow() {
    window.location.assign("/sign-in?expired");
  }

  function showWarning() {
    var left = warnBefore;
    countdown.textContent = String(left);
    if (!dialog.open) {
      dialog.showModal();
    }
    tickTimer = window.setInterval(function () {
      left = Math.max(0, left - 1);
      countdown.textContent = String(left);
    }, 1000);
  }

  function restart() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    window.clearInterval(tickTimer);
    warnTimer = window.setTimeout(showWarning, (idleSeconds - warnBefore) * 1000);
    endTimer = window.setTimeout(signOutNow, idleSeconds * 1000);
  }

  document.getElementById("stay-signed-in").addEventListener("click", function () {
    var headers = {};
    headers[meta("csrf-header")] = meta("csrf-token");
    fetch("/session/keep-alive", { method: "POST", headers: headers, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          signOutNow();
          return;
        }
        dialog.close();
        restart();
      });
  });
  document.addEventListener("htmx:afterRequest", restart);
  restart();
})();
