// Completes the link from an email the way the web app does: the token sits in the URL fragment (browsers
// never send it to a server), and each form posts it, with the form's own fields, to the API on this origin.
(function () {
  'use strict';
  var token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  var result = document.getElementById('result');

  function show(ok, text) {
    result.textContent = text;
    result.className = ok ? 'ok' : 'error';
  }

  function explain(response) {
    var problem = response.json || {};
    return problem.detail || problem.title || ('The API answered HTTP ' + response.status + '.');
  }

  function post(path, body, accessToken) {
    var headers = { 'Content-Type': 'application/json' };
    if (accessToken) {
      headers.Authorization = 'Bearer ' + accessToken;
    }
    return fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body) }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (ignored) { /* not JSON: explain() says the status */ }
        return { ok: response.ok, status: response.status, json: json };
      });
    });
  }

  function fieldsOf(form) {
    var fields = {};
    form.querySelectorAll('input[name]').forEach(function (input) {
      if (input.value !== '') {
        fields[input.name] = input.value;
      }
    });
    return fields;
  }

  // Existing accounts sign in first; the access token then goes with the call (e.g. accepting an invitation).
  function signInIfAsked(form, fields) {
    if (!form.hasAttribute('data-sign-in')) {
      return Promise.resolve(null);
    }
    var credentials = { email: fields.email, password: fields.password };
    delete fields.email;
    delete fields.password;
    return post('/v1/auth/login', credentials).then(function (login) {
      if (!login.ok) {
        throw new Error(explain(login));
      }
      return login.json.accessToken;
    });
  }

  function submit(form) {
    var fields = fieldsOf(form);
    if (form.hasAttribute('data-token')) {
      fields.token = token;
    }
    show(true, 'Working...');
    signInIfAsked(form, fields)
      .then(function (accessToken) { return post(form.getAttribute('data-endpoint'), fields, accessToken); })
      .then(function (response) { show(response.ok, response.ok ? form.getAttribute('data-done') : explain(response)); })
      .catch(function (error) { show(false, error.message); });
  }

  document.querySelectorAll('form[data-endpoint]').forEach(function (form) {
    var needsToken = form.hasAttribute('data-token');
    if (needsToken !== Boolean(token) && form.hasAttribute('data-optional')) {
      form.hidden = true;
      return;
    }
    if (needsToken && !token) {
      show(false, 'This page needs the link from your email: open it from the message, token included.');
      form.hidden = true;
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      submit(form);
    });
    if (form.hasAttribute('data-auto')) {
      submit(form);
    }
  });
})();
