"use strict";
// Passkey ceremonies for the second-factor pages: the server sends WebAuthn options as JSON with
// binary fields in base64url; the browser's credential goes back the same way (the shape Spring
// Security's own webauthn.js uses). Buttons carry their URLs, CSRF token and messages as data-*.
(() => {
  const b64 = {
    encode(buffer) {
      return window.btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const binary = window.atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes.buffer;
    }
  };

  async function post(button, url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": button.dataset.csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const answer = await response.json().catch(() => ({}));
    if (answer.redirect && (response.ok || response.status === 403)) {
      window.location.href = answer.redirect;
      return null;
    }
    if (!response.ok) throw new Error("HTTP " + response.status);
    return answer;
  }

  function show(button, text) {
    const out = document.getElementById(button.dataset.messageTarget);
    if (out) {
      out.textContent = text;
      out.classList.remove("d-none");
    }
  }

  async function register(button) {
    const labelField = document.getElementById(button.dataset.labelField);
    const label = labelField && labelField.value.trim() ? labelField.value.trim() : "Passkey";
    const options = await post(button, button.dataset.optionsUrl);
    if (!options) return;
    const publicKey = {
      ...options,
      user: { ...options.user, id: b64.decode(options.user.id) },
      challenge: b64.decode(options.challenge),
      excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }))
    };
    const created = await navigator.credentials.create({ publicKey });
    const response = created.response;
    const credential = {
      id: created.id,
      rawId: b64.encode(created.rawId),
      response: {
        attestationObject: b64.encode(response.attestationObject),
        clientDataJSON: b64.encode(response.clientDataJSON),
        transports: response.getTransports ? response.getTransports() : []
      },
      type: created.type,
      clientExtensionResults: created.getClientExtensionResults(),
      authenticatorAttachment: created.authenticatorAttachment
    };
    const url = button.dataset.registerUrl + "?label=" + encodeURIComponent(label);
    await post(button, url, { credential });
  }

  async function authenticate(button) {
    const options = await post(button, button.dataset.optionsUrl);
    if (!options) return;
    const publicKey = {
      ...options,
      challenge: b64.decode(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }))
    };
    const assertion = await navigator.credentials.get({ publicKey });
    const response = assertion.response;
    await post(button, button.dataset.verifyUrl, {
      id: assertion.id,
      rawId: b64.encode(assertion.rawId),
      response: {
        authenticatorData: b64.encode(response.authenticatorData),
        clientDataJSON: b64.encode(response.clientDataJSON),
        signature: b64.encode(response.signature),
        userHandle: response.userHandle ? b64.encode(response.userHandle) : undefined
      },
      credType: assertion.type,
      clientExtensionResults: assertion.getClientExtensionResults(),
      authenticatorAttachment: assertion.authenticatorAttachment
    });
  }

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-passkey]");
    if (!button) return;
    event.preventDefault();
    if (!window.PublicKeyCredential) {
      show(button, button.dataset.unsupported);
      return;
    }
    button.disabled = true;
    try {
      await (button.dataset.passkey === "register" ? register(button) : authenticate(button));
    } catch (e) {
      show(button, button.dataset.failed);
    } finally {
      button.disabled = false;
    }
  });
})();
