// The live checklist and meter of the password page. Every state shown comes from the server
// (POST /api/mot-de-passe, the same Password::check() as the form's), so the browser and the server
// never disagree; answers arriving out of order are dropped. Without JavaScript the form still
// works: the server checks on submit and shows the same checklist.
'use strict';
(function () {
  const input = document.getElementById('password');
  const list = document.getElementById('checklist');
  if (!input || !list) {
    return;
  }
  const token = document.querySelector('meta[name="csrf-token"]').content;
  const meter = document.getElementById('meter');
  const label = document.getElementById('meter-label');
  const advice = document.getElementById('advice');
  const unaccepted = document.getElementById('unaccepted');
  let sent = 0;
  let shown = 0;

  async function update() {
    const mine = ++sent;
    let data;
    try {
      const res = await fetch('/api/mot-de-passe', {
        method: 'POST',
        headers: { 'X-CSRF-Token': token },
        body: new URLSearchParams({ password: input.value }),
        credentials: 'same-origin',
      });
      if (!res.ok) {
        return;
      }
      data = await res.json();
    } catch (e) {
      return; // the form's own check still applies on submit
    }
    if (mine < shown) {
      return; // a later keystroke's answer is already shown
    }
    shown = mine;
    for (const r of data.rules) {
      const li = list.querySelector('li[data-rule="' + r.rule + '"]');
      li.className = r.ok ? 'ok' : 'ko';
      li.querySelector('.mark').textContent = r.ok ? '✓' : '✗';
      li.querySelector('.state').textContent = r.ok ? '\u00a0: respectée' : '\u00a0: pas encore respectée';
    }
    // The library's sentence about characters the policy does not accept (null when none).
    unaccepted.textContent = data.unaccepted ?? '';
    unaccepted.hidden = data.unaccepted === null;
    meter.value = data.score;
    label.textContent = data.label;
    advice.replaceChildren(...data.advice.map(function (text) {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }));
    list.dataset.length = String(data.length ?? '');
  }

  input.addEventListener('input', update);
})();
