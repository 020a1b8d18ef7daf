/* 营商助手 console: small page scripts. Everything shown is set with textContent (no HTML
 * from data); every state-changing call carries the session's CSRF token; polling calls
 * send X-Background so they do not keep an idle session alive. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";

  function api(method, url, body, background) {
    var headers = { "Accept": "application/json" };
    if (method !== "GET") { headers["X-CSRF-Token"] = csrf; headers["Content-Type"] = "application/json"; }
    if (background) { headers["X-Background"] = "1"; }
    return fetch(url, { method: method, headers: headers, credentials: "same-origin",
                        body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 401) { window.location.href = "/login?next=" + encodeURIComponent(location.pathname); }
        return response.json().catch(function () { return {}; }).then(function (data) {
          return { ok: response.ok, status: response.status, data: data };
        });
      })
      .catch(function () { return { ok: false, status: 0, data: { message: "网络连接失败,请稍后重试" } }; });
  }

  function $(selector, root) { return (root || document).querySelector(selector); }
  function field(root, name) { return root.querySelector('[data-field="' + name + '"]'); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function values(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name) { return; }
      if (input.type === "radio") { if (input.checked) { data[input.name] = input.value; } return; }
      data[input.name] = input.type === "checkbox" ? input.checked : input.value;
    });
    return data;
  }
  function alertIn(node, message) {
    if (!node) { return; }
    node.textContent = message || "";
    node.hidden = !message;
  }
  function failure(result) { return (result.data && result.data.message) || "操作失败(" + result.status + ")"; }

  /* ---- assist ---------------------------------------------------------------------- */
  function renderCard(card) {
    var section = $("#answer-card");
    section.hidden = !card;
    if (!card) { return; }
    field(section, "name").textContent = card.name;
    field(section, "facet_label").textContent = card.facet_label;
    // a yes or no the guide decides is said first in the chat («不收费。»): first here too
    field(section, "answer").textContent = (card.verdict ? card.verdict + "\n" : "") + card.answer;
    var facts = field(section, "facts");
    facts.textContent = "";
    card.facts.forEach(function (fact) {
      facts.appendChild(el("dt", "", fact.label));
      facts.appendChild(el("dd", "", fact.value));
    });
    var select = $('#ticket-form [name="procedure"]');
    if (select && !select.value) { select.value = card.procedure; }
  }

  function renderAnalysis(result) {
    $("#nlu").hidden = false;
    var intents = $("#intents tbody");
    intents.textContent = "";
    result.intents.forEach(function (intent) {
      var row = el("tr");
      row.appendChild(el("td", "", intent.label + "(" + intent.name + ")"));
      row.appendChild(el("td", "", (intent.confidence * 100).toFixed(1) + "%"));
      intents.appendChild(row);
    });
    var entities = $("#entities tbody");
    entities.textContent = "";
    result.entities.forEach(function (entity) {
      var row = el("tr");
      row.appendChild(el("td", "", entity.label));
      row.appendChild(el("td", "", entity.text));
      row.appendChild(el("td", "", entity.value));
      entities.appendChild(row);
    });
    $("#no-entities").hidden = result.entities.length > 0;
    renderCard(result.card);
    var choices = $("#choices");
    var buttons = field(choices, "buttons");
    buttons.textContent = "";
    choices.hidden = !result.choices.length;
    var facet = result.intents.length ? result.intents[0].name : "ask_procedure";
    result.choices.forEach(function (choice) {
      var button = el("button", "", choice.name);
      button.type = "button";
      button.addEventListener("click", function () {
        api("GET", "/api/assist/card?procedure=" + encodeURIComponent(choice.procedure) +
            "&facet=" + encodeURIComponent(facet)).then(function (r) {
          if (r.ok) { $('#ticket-form [name="procedure"]').value = choice.procedure; renderCard(r.data.card); }
        });
      });
      buttons.appendChild(button);
    });
    var form = $("#ticket-form");
    Object.keys(result.prefill).forEach(function (name) {
      var input = form.elements[name];
      if (input) { input.value = result.prefill[name] || ""; }
    });
    form.elements.filing_key.value = result.filing_key;
    var found = $("#route-found");
    found.hidden = !result.route || result.route.route === "window";
    if (result.route) {
      field(found, "label").textContent = result.route.label;
      field(found, "word").textContent = result.route.word;
    }
    showBiddingFields();
    $("#filed").hidden = true;
    refreshSimilar();
  }

  /* 并单 at filing: open tickets of the same department and procedure with similar words. */
  var similarTimer = null;
  /* Only the latest request's answer is shown: on a busy server an earlier request (made
   * before the agent picked the 涉及事项) can answer after a later one, and its stale list
   * would stay on the page. */
  var similarAsked = 0;
  function refreshSimilar() {
    var asked = ++similarAsked;
    var form = $("#ticket-form");
    var box = $("#similar");
    var list = field(box, "list");
    var body = { description: form.elements.description.value, department: form.elements.department.value,
                 procedure: form.elements.procedure.value };
    if (!body.description.trim()) { box.hidden = true; list.textContent = ""; return; }
    api("POST", "/api/assist/similar", body, true).then(function (r) {
      if (asked !== similarAsked) { return; }
      list.textContent = "";
      var found = r.ok ? r.data.candidates : [];
      box.hidden = !found.length;
      if (!found.length) { return; }
      var none = el("label", "check");
      var radio = el("input");
      radio.type = "radio"; radio.name = "join_to"; radio.value = ""; radio.checked = true;
      none.appendChild(radio);
      none.appendChild(document.createTextNode(" 不并单,单独办理"));
      list.appendChild(none);
      found.forEach(function (c) {
        var label = el("label", "check candidate");
        var input = el("input");
        input.type = "radio"; input.name = "join_to"; input.value = c.id;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" 并入 " + c.id + "(" + (c.company_name || "—") + " · " +
          c.status_label + " · 相似度 " + c.score + "):" + c.description));
        list.appendChild(label);
      });
    });
  }
  function refreshSimilarSoon() {
    clearTimeout(similarTimer);
    similarTimer = setTimeout(refreshSimilar, 400);
  }

  /* A new caller is a new filing: a fresh key, so their ticket is never answered with
   * the previous caller's. */
  function newFilingKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function showBiddingFields() {
    var form = $("#ticket-form");
    $("#bidding-fields").hidden = form.elements.rule.value !== "bidding";
  }

  function newCaller() {
    var form = $("#ticket-form");
    form.reset();
    form.elements.filing_key.value = newFilingKey();
    $("#assist-form").reset();
    ["#nlu", "#answer-card", "#choices", "#filed", "#route-found", "#similar"].forEach(function (id) { $(id).hidden = true; });
    field($("#similar"), "list").textContent = "";
    ["id", "department", "policy_name", "due_at", "note"].forEach(function (name) {
      field($("#filed"), name).textContent = "";
    });
    alertIn($("#ticket-error"), "");
    showBiddingFields();
    $("#assist-form").elements.text.focus();
  }

  function initAssist() {
    $("#assist-form").addEventListener("submit", function (event) {
      event.preventDefault();
      alertIn($("#assist-error"), "");
      api("POST", "/api/assist/parse", { text: event.target.elements.text.value }).then(function (r) {
        if (r.ok) { renderAnalysis(r.data); } else { alertIn($("#assist-error"), failure(r)); }
      });
    });
    $("#ticket-form").addEventListener("submit", function (event) {
      event.preventDefault();
      alertIn($("#ticket-error"), "");
      var button = event.target.querySelector('button[type="submit"]');
      button.disabled = true;
      api("POST", "/api/assist/tickets", values(event.target)).then(function (r) {
        button.disabled = false;
        if (!r.ok) { $("#filed").hidden = true; alertIn($("#ticket-error"), failure(r)); return; }
        var filed = $("#filed");
        ["id", "department", "policy_name", "due_at"].forEach(function (name) {
          field(filed, name).textContent = r.data.ticket[name] || "—";
        });
        field(filed, "note").textContent = (r.data.supervisor_refused ?
          "该手机号不在特邀监督员名册中,已按普通诉求规则登记,请告知来电人。" : "") +
          (r.data.ticket.joined_to ? "已与工单 " + r.data.ticket.joined_to + " 并单办理,答复会同时告知来电人。" : "");
        filed.hidden = false;
      });
    });
    $("#ticket-form").elements.rule.addEventListener("change", showBiddingFields);
    ["department", "procedure"].forEach(function (name) {
      $("#ticket-form").elements[name].addEventListener("change", refreshSimilar);
    });
    $("#ticket-form").elements.description.addEventListener("input", refreshSimilarSoon);
    $("#new-caller").addEventListener("click", newCaller);
    showBiddingFields();
  }

  /* ---- handoff --------------------------------------------------------------------- */
  function initHandoff() {
    var current = null;
    var panel = $("#conversation");
    var errorBox = $("#handoff-error");

    function item(entry, mine) {
      var li = el("li", current && current.id === entry.id ? "current" : "");
      li.setAttribute("data-handoff", entry.id);
      li.appendChild(el("strong", "", entry.channel_label + " · 等待 " + entry.waited_minutes + " 分钟(" +
                        entry.requested_at + ")"));
      li.appendChild(el("span", "", "最后一句:" + (entry.last_message || "(无)")));
      var row = el("div", "buttons");
      var open = el("button", "", mine ? "打开" : "查看");
      open.type = "button";
      open.addEventListener("click", function () { select(entry); });
      row.appendChild(open);
      if (!mine) {
        var take = el("button", "primary", "接入");
        take.type = "button";
        take.addEventListener("click", function () { takeIt(entry.id); });
        row.appendChild(take);
      }
      li.appendChild(row);
      return li;
    }

    function refreshQueue() {
      return api("GET", "/api/handoffs", undefined, true).then(function (r) {
        if (!r.ok) { return; }
        [["waiting", false], ["mine", true]].forEach(function (pair) {
          var list = $("#" + pair[0]);
          list.textContent = "";
          r.data[pair[0]].forEach(function (entry) { list.appendChild(item(entry, pair[1])); });
          $("#" + pair[0] + "-empty").hidden = r.data[pair[0]].length > 0;
        });
      });
    }

    function refreshMessages() {
      if (!current) { return Promise.resolve(); }
      var id = current.id;
      return api("GET", "/api/handoffs/" + id + "/messages", undefined, true).then(function (r) {
        if (!current || current.id !== id) { return; }
        if (!r.ok) { alertIn(errorBox, failure(r)); return; }
        var entry = r.data.handoff;
        var mine = entry.status === "held";
        field(panel, "channel_label").textContent = entry.channel_label;
        field(panel, "state").textContent = entry.status === "waiting" ? "(等待接入)" :
          entry.status === "held" ? "(您已接入,助手暂停作答)" : "(已交还助手)";
        $("#take-button").hidden = entry.status !== "waiting";
        $('#reply-form button[type="submit"]').disabled = !mine;
        $("#release-button").disabled = entry.status === "returned";
        $("#no-push").hidden = entry.delivery !== "logged";
        $("#next-message").hidden = entry.delivery !== "next_message";
        var list = $("#transcript");
        var atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
        list.textContent = "";
        r.data.messages.forEach(function (message) {
          var li = el("li", message.who);
          li.setAttribute("data-who", message.who);
          var who = { user: "企业", bot: "助手", agent: "坐席", system: "" }[message.who];
          if (who) { li.appendChild(el("time", "", who + " " + message.at + " ")); li.appendChild(el("br")); }
          li.appendChild(document.createTextNode(message.text));
          list.appendChild(li);
        });
        if (atBottom) { list.scrollTop = list.scrollHeight; }
      });
    }

    function select(entry) {
      current = entry;
      panel.hidden = false;
      alertIn(errorBox, "");
      refreshMessages();
      refreshQueue();
    }

    function takeIt(id) {
      api("POST", "/api/handoffs/" + id + "/take", {}).then(function (r) {
        if (!r.ok) {
          // Lost the race (or the request was handed back): say so where the agent clicked.
          alertIn($("#queue-error"), failure(r));
          if (!panel.hidden) { alertIn(errorBox, failure(r)); }
          refreshQueue();
          return;
        }
        alertIn($("#queue-error"), "");
        select(r.data.handoff);
      });
    }

    $("#take-button").addEventListener("click", function () { if (current) { takeIt(current.id); } });
    $("#reply-form").addEventListener("submit", function (event) {
      event.preventDefault();
      if (!current) { return; }
      var text = event.target.elements.text;
      api("POST", "/api/handoffs/" + current.id + "/reply", { text: text.value }).then(function (r) {
        if (!r.ok) { alertIn(errorBox, failure(r)); return; }
        alertIn(errorBox, "");
        text.value = "";
        refreshMessages();
      });
    });
    $("#release-button").addEventListener("click", function () {
      if (!current) { return; }
      api("POST", "/api/handoffs/" + current.id + "/release", {}).then(function (r) {
        if (!r.ok) { alertIn(errorBox, failure(r)); return; }
        refreshMessages().then(refreshQueue);
      });
    });

    refreshQueue();
    setInterval(refreshQueue, 2000);
    setInterval(refreshMessages, 1500);
  }

  /* ---- a ticket ------------------------------------------------------------------------ */
  function initTicket() {
    Array.prototype.forEach.call(document.querySelectorAll("section[data-ticket]"), function (box) {
      var id = box.getAttribute("data-ticket");
      var errorBox = box.querySelector(".alert");
      Array.prototype.forEach.call(box.querySelectorAll("form[data-action]"), function (form) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var action = form.getAttribute("data-action");
          var button = form.querySelector('button[type="submit"]');
          if (button) { button.disabled = true; }
          api("POST", "/api/tickets/" + encodeURIComponent(id) + "/" + action, values(form)).then(function (r) {
            if (button) { button.disabled = false; }
            if (!r.ok) { alertIn(errorBox, failure(r)); return; }
            window.location.href = r.data.moved_out ? "/tickets" : window.location.pathname;
          });
        });
      });
    });
  }

  /* ---- the office's notices: send a failed one again ------------------------------------ */
  function initOutbox() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-resend]"), function (button) {
      button.addEventListener("click", function () {
        button.disabled = true;
        api("POST", "/api/outbox/" + button.getAttribute("data-resend") + "/resend", {}).then(function (r) {
          if (r.ok) { window.location.reload(); } else { button.disabled = false; alertIn($("#outbox-error"), failure(r)); }
        });
      });
    });
  }

  /* ---- users ------------------------------------------------------------------------- */
  function initUsers() {
    var errorBox = $("#users-error");
    $("#user-form").addEventListener("submit", function (event) {
      event.preventDefault();
      api("POST", "/api/users", values(event.target)).then(function (r) {
        if (r.ok) { window.location.reload(); } else { alertIn(errorBox, failure(r)); }
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-user-action]"), function (button) {
      button.addEventListener("click", function () {
        var action = button.getAttribute("data-user-action");
        var username = button.closest("tr").getAttribute("data-username");
        var body = {};
        if (action === "password") {
          var password = window.prompt("为 " + username + " 设置新密码(至少10位):");
          if (!password) { return; }
          body.password = password;
        }
        api("POST", "/api/users/" + encodeURIComponent(username) + "/" + action, body).then(function (r) {
          if (r.ok) { window.location.reload(); } else { alertIn(errorBox, failure(r)); }
        });
      });
    });
  }

  /* ---- the register of 特邀监督员 (office) ------------------------------------------------ */
  function initSupervisors() {
    var errorBox = $("#supervisors-error");
    $("#supervisor-form").addEventListener("submit", function (event) {
      event.preventDefault();
      api("POST", "/api/supervisors", values(event.target)).then(function (r) {
        if (r.ok) { window.location.reload(); } else { alertIn(errorBox, failure(r)); }
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-supervisor-action]"), function (button) {
      button.addEventListener("click", function () {
        var id = button.closest("tr").getAttribute("data-supervisor");
        api("POST", "/api/supervisors/" + id + "/" + button.getAttribute("data-supervisor-action"), {})
          .then(function (r) { if (r.ok) { window.location.reload(); } else { alertIn(errorBox, failure(r)); } });
      });
    });
  }

  /* ---- the department queue: countdowns and order refresh by themselves ----------------- */
  function initTickets() {
    var queue = $("#queue");
    if (!queue) { return; }
    var seconds = parseInt(queue.getAttribute("data-refresh-seconds"), 10) || 60;
    setInterval(function () {
      // The same page, rendered (and escaped) by the server; only its #queue is taken.
      fetch(window.location.href, { credentials: "same-origin", headers: { "X-Background": "1" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("#queue");
          if (fresh) { queue.replaceChildren.apply(queue, Array.prototype.map.call(fresh.childNodes,
            function (node) { return document.importNode(node, true); })); }
        })
        .catch(function () { /* offline for a moment: the next tick tries again */ });
    }, seconds * 1000);
  }

  /* ---- every page: how many conversations wait for an agent ------------------------------ */
  function initHandoffCount() {
    var badge = $("#handoff-count");
    if (!badge) { return; }
    var seconds = parseInt(badge.getAttribute("data-poll-seconds"), 10) || 5;
    function refresh() {
      api("GET", "/api/handoffs/count", undefined, true).then(function (r) {
        if (!r.ok) { return; }
        var waiting = r.data.waiting || 0;
        badge.textContent = waiting ? String(waiting) : "";
        badge.hidden = waiting === 0;
        badge.setAttribute("aria-label", waiting + " 个对话等待接入");
      });
    }
    refresh();
    setInterval(refresh, seconds * 1000);
  }

  var pages = { assist: initAssist, handoff: initHandoff, ticket: initTicket, tickets: initTickets,
                users: initUsers, supervisors: initSupervisors, outbox: initOutbox };
  var page = document.body.getAttribute("data-page");
  if (pages[page]) { pages[page](); }
  initHandoffCount();
}());
