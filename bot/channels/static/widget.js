/*!
 * 营商助手 web chat widget. Plain JavaScript, no build step, no external CDN.
 *
 * Embed with one tag (every data-* attribute is optional):
 *   <script src="https://HOST/webhooks/webchat/widget.js" defer
 *           data-title="营商助手" data-greeting="您好!请问您要办理什么业务?"></script>
 *
 *   data-server       the Rasa server; default: where widget.js comes from
 *   data-socket-path  socket.io path on that server; default: <server path>/socket.io/
 *   data-title        panel title; default 营商助手
 *   data-greeting     first message shown locally (not sent to the server)
 *   data-region       the region this page belongs to (knowledge/regions/<id>); default:
 *                     the deployment's default region. Every conversation started here
 *                     is that region's; an id the server does not know is refused.
 *
 * Talks to Rasa's socket.io channel (credentials.yml `socketio:`): session_request with
 * the stored session id, user_uttered {message, session_id}, bot_uttered {text,
 * quick_replies | buttons, from: "agent" on a person's reply, handoff: "waiting" |
 * "returned" around a handoff}, and notice {id, text, quick_replies} (a department's answer
 * or other news of a ticket, acknowledged with its id and shown once even if sent
 * again). The session id and the visible history are kept in
 * localStorage, so a reload continues the same conversation. The socket.io client is
 * served beside this file (socket.io.min.js) and loaded without touching the page's
 * own `window.io`. Elements with a `data-ys-chat-open` attribute open the panel;
 * `window.YSChatWidget` offers open(), close() and newConversation().
 */
(function () {
  "use strict";

  if (window.YSChatWidget) return; // the tag was included twice: one widget is enough

  var DEFAULT_TITLE = "营商助手";
  var DEFAULT_GREETING =
    "您好,我是营商助手。\n可以问我企业开办、注销、施工许可等事项怎么办、要带什么材料、多久办完;" +
    "也可以反映问题、查询或催办工单。";
  var OFFLINE_NOTICE =
    "暂时连接不上服务器,正在自动重新连接……您的消息会在连接恢复后发出。" +
    "如有急事,请拨打 12345 政务服务便民热线。";
  var LOST_NOTICE = "与服务器的连接已断开,正在重新连接……";
  var REFUSED_NOTICE =
    "本页面的在线咨询设置有误,暂时无法使用。如有急事,请拨打 12345 政务服务便民热线。";
  var MAX_MESSAGES = 200;
  var MAX_NOTICE_IDS = 100;
  var NOTICE_LABEL = "工单通知";
  var AGENT_LABEL = "人工客服";
  var TYPING_TIMEOUT_MS = 20000;
  var CLIENT_RETRY_MS = 5000;

  var script = document.currentScript || lastWidgetScript();
  var config = readConfig(script);
  // One stored conversation per region: a page of another region starts its own.
  var storageKey = "ys-chat:v1:" + config.origin + config.socketPath + (config.region ? "#" + config.region : "");
  var state = loadState();
  var queue = state.queue; // messages typed while offline, sent after session_confirm

  var socket = null;
  var confirmed = false; // session_request answered on the current connection
  var clientLoading = false;
  var typingTimer = null;
  var unread = 0;
  var ui = null;

  function lastWidgetScript() {
    var all = document.querySelectorAll('script[src*="widget.js"]');
    return all[all.length - 1] || null;
  }

  function readConfig(tag) {
    var data = (tag && tag.dataset) || {};
    var src = new URL((tag && tag.src) || "widget.js", location.href);
    // Served by the channel at <prefix>/webhooks/webchat/widget.js: the server is <prefix>.
    var prefix = src.pathname.replace(/\/webhooks\/webchat\/widget\.js$/, "");
    if (prefix === src.pathname) prefix = "";
    var server = new URL(data.server || src.origin + prefix + "/", location.href);
    var serverPath = server.pathname.replace(/\/+$/, "");
    return {
      origin: server.origin,
      socketPath: data.socketPath || serverPath + "/socket.io/",
      title: data.title || DEFAULT_TITLE,
      greeting: data.greeting === undefined ? DEFAULT_GREETING : data.greeting,
      region: data.region || "",
      clientUrl: new URL("socket.io.min.js", src).href
    };
  }

  // ---- storage: localStorage when allowed, memory otherwise -------------------------

  function loadState() {
    var empty = { sessionId: null, messages: [], queue: [], open: false, human: false, notices: [] };
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || "null");
      if (saved && Array.isArray(saved.messages)) {
        return {
          sessionId: typeof saved.sessionId === "string" ? saved.sessionId : null,
          messages: saved.messages,
          queue: Array.isArray(saved.queue) ? saved.queue : [],
          open: !!saved.open,
          human: !!saved.human,
          notices: Array.isArray(saved.notices) ? saved.notices : []
        };
      }
    } catch (e) { /* private mode or corrupt entry: start afresh */ }
    return empty;
  }

  function saveState() {
    state.messages = state.messages.slice(-MAX_MESSAGES);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) { /* storage full or disabled: the conversation still works */ }
  }

  // ---- the socket.io client, loaded beside this file --------------------------------

  function loadClient(done) {
    if (clientLoading) return;
    clientLoading = true;
    var hadIo = Object.prototype.hasOwnProperty.call(window, "io");
    var pageIo = window.io;
    // The UMD bundle registers with an AMD loader instead of window.io when one exists.
    var amd = typeof window.define === "function" ? window.define.amd : undefined;
    if (amd) window.define.amd = undefined;
    var tag = document.createElement("script");
    tag.src = config.clientUrl;
    tag.async = true;
    tag.onload = function () {
      if (amd) window.define.amd = amd;
      var ours = window.io;
      if (hadIo) window.io = pageIo;
      else try { delete window.io; } catch (e) { window.io = undefined; }
      clientLoading = false;
      tag.remove();
      done(ours);
    };
    tag.onerror = function () {
      if (amd) window.define.amd = amd;
      clientLoading = false;
      tag.remove();
      setNotice(OFFLINE_NOTICE);
      setTimeout(function () { loadClient(done); }, CLIENT_RETRY_MS);
    };
    document.head.appendChild(tag);
  }

  function connect() {
    if (socket || clientLoading) return;
    loadClient(function (io) {
      socket = io(config.origin, {
        path: config.socketPath,
        reconnectionDelay: 1000,
        reconnectionDelayMax: 8000,
        timeout: 10000
      });
      socket.on("connect", function () {
        confirmed = false;
        // Rasa (session_persistence: true) puts this connection in the session's room.
        var request = { session_id: state.sessionId };
        if (config.region) request.region = config.region;
        socket.emit("session_request", request);
      });
      socket.on("session_refused", function () {
        confirmed = false;
        setNotice(REFUSED_NOTICE);
        socket.disconnect(); // retrying cannot help: the page's tag is wrong
      });
      socket.on("session_confirm", function (data) {
        var id = typeof data === "string" ? data : data && data.session_id;
        if (!id) return;
        state.sessionId = id;
        confirmed = true;
        saveState();
        setNotice("");
        flush();
      });
      socket.on("bot_uttered", onBotMessage);
      socket.on("notice", onNotice);
      socket.on("connect_error", function () {
        confirmed = false;
        setNotice(OFFLINE_NOTICE);
      });
      socket.on("disconnect", function (reason) {
        confirmed = false;
        if (reason !== "io client disconnect") setNotice(LOST_NOTICE); // not our own newConversation()
        // The server closing the connection is not retried by the client on its own.
        if (reason === "io server disconnect") socket.connect();
      });
    });
  }

  function flush() {
    if (!socket || !socket.connected || !confirmed) return;
    while (queue.length) {
      socket.emit("user_uttered", { message: queue.shift(), session_id: state.sessionId });
    }
    saveState();
  }

  // ---- conversation -----------------------------------------------------------------

  function send(message, shownAs) {
    message = String(message || "").trim();
    if (!message) return;
    closeReplies(null);
    addMessage({ from: "user", text: shownAs || message });
    queue.push(message);
    saveState();
    // While the conversation is with a person (or waits for one), nobody is typing
    // until they do: no "正在输入" then.
    showTyping(!state.human);
    connect();
    flush();
  }

  function onBotMessage(data) {
    if (!data || typeof data !== "object") return;
    var buttons = (data.quick_replies || data.buttons || [])
      .filter(function (b) { return b && b.title; })
      .map(function (b) { return { title: String(b.title), payload: String(b.payload || b.title) }; });
    var image = data.attachment && data.attachment.type === "image" &&
      data.attachment.payload && data.attachment.payload.src;
    // The server marks a handoff's start and end, and an agent's replies (webchat.marks).
    if (data.handoff === "waiting" || data.from === "agent") state.human = true;
    if (data.handoff === "returned") state.human = false;
    if (!data.text && !buttons.length && !image) { saveState(); return; }
    showTyping(false);
    addMessage({ from: data.from === "agent" ? "agent" : "bot", text: data.text ? String(data.text) : "",
                 buttons: buttons, image: image || null });
    if (!state.open) setUnread(unread + 1);
  }

  // A ticket notice: shown once (the server sends it again until acknowledged), then acknowledged.
  function onNotice(data, ack) {
    if (!data || typeof data !== "object" || typeof data.id !== "number") return;
    if (state.notices.indexOf(data.id) < 0) {
      state.notices.push(data.id);
      state.notices = state.notices.slice(-MAX_NOTICE_IDS);
      var buttons = (data.quick_replies || [])
        .filter(function (b) { return b && b.title; })
        .map(function (b) { return { title: String(b.title), payload: String(b.payload || b.title) }; });
      addMessage({ from: "bot", notice: true, text: data.text ? String(data.text) : "", buttons: buttons });
      if (!state.open) setUnread(unread + 1);
    }
    if (typeof ack === "function") ack(data.id);
  }

  function addMessage(message) {
    state.messages.push(message);
    saveState();
    if (ui) {
      ui.log.insertBefore(renderMessage(message, state.messages.length - 1), ui.typing);
      scrollToEnd();
    }
  }

  // Buttons answer the question they came with: once the user moves on they are spent.
  // choice: {message, button} indexes of the button clicked, or null.
  function closeReplies(choice) {
    state.messages.forEach(function (m) {
      if (m.buttons && m.buttons.length) m.used = true;
    });
    if (choice) state.messages[choice.message].chosen = choice.button;
    if (!ui) return;
    Array.prototype.forEach.call(ui.log.querySelectorAll(".replies button"), function (button) {
      button.disabled = true;
    });
    if (choice) {
      var chosen = ui.log.querySelector('[data-index="' + choice.message + '"] .replies button:nth-child(' +
        (choice.button + 1) + ")");
      if (chosen) chosen.classList.add("chosen");
    }
  }

  function newConversation() {
    state.sessionId = null;
    state.messages = [];
    state.human = false;
    state.notices = [];
    queue.length = 0;
    saveState();
    if (ui) {
      Array.prototype.forEach.call(ui.log.querySelectorAll("[data-index]"), function (node) { node.remove(); });
    }
    greetIfEmpty();
    if (socket) {
      // Leave the old session's room and ask for a fresh session id.
      socket.disconnect();
      socket.connect();
    }
  }

  // ---- rendering --------------------------------------------------------------------

  var STYLE = [
    ":host{all:initial}",
    "*{box-sizing:border-box}",
    ".root{font:15px/1.6 -apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei'," +
      "'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;color:#1f2329;-webkit-text-size-adjust:100%}",
    "button,textarea{font:inherit}",
    ":focus-visible{outline:3px solid #ffb300;outline-offset:2px}",
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;" +
      "min-height:52px;padding:0 20px 0 16px;border:0;border-radius:26px;background:#1558b0;color:#fff;" +
      "font-size:16px;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}",
    ".launcher:hover{background:#0f4a96}",
    ".launcher svg{width:24px;height:24px;flex:none}",
    ".badge{min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#d4380d;color:#fff;" +
      "font-size:13px;line-height:22px;text-align:center}",
    ".badge[hidden]{display:none}",
    ".panel{position:fixed;right:20px;bottom:88px;z-index:2147483001;display:flex;flex-direction:column;" +
      "width:380px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 108px);background:#fff;" +
      "border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.28);overflow:hidden}",
    ".panel[hidden]{display:none}",
    ".head{display:flex;align-items:center;gap:4px;padding:6px 6px 6px 16px;background:#1558b0;color:#fff}",
    ".head h2{flex:1;min-width:0;margin:0;font-size:17px;font-weight:600;overflow:hidden;" +
      "text-overflow:ellipsis;white-space:nowrap}",
    ".head button{min-width:44px;min-height:44px;padding:0 8px;border:0;border-radius:8px;background:transparent;" +
      "color:#fff;font-size:14px;cursor:pointer}",
    ".head button:hover{background:rgba(255,255,255,.15)}",
    ".head .close{font-size:26px;line-height:1}",
    ".notice{margin:0;padding:10px 16px;background:#fff4e5;color:#7a4100;border-bottom:1px solid #f3d19e;font-size:14px}",
    ".notice:empty{display:none}",
    ".log{flex:1;min-height:0;margin:0;padding:16px 12px;list-style:none;overflow-x:hidden;overflow-y:auto;" +
      "overscroll-behavior:contain;background:#f4f6f9}",
    ".msg{display:flex;flex-direction:column;align-items:flex-start;margin:0 0 12px}",
    ".msg.user{align-items:flex-end}",
    ".bubble{max-width:88%;padding:10px 14px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere;" +
      "word-break:break-word}",
    ".bot .bubble{background:#fff;border:1px solid #e1e6ee;border-top-left-radius:4px}",
    ".agent .bubble{background:#fff8e6;border-color:#f0c36d}",
    ".ticket-notice .bubble{background:#eef6ee;border-color:#9cc79c}",
    ".msg.ticket-notice .who{color:#2f6b2f}",
    ".msg .who{margin:0 0 2px 4px;color:#8a5a00;font-size:12px;font-weight:600}",
    ".user .bubble{background:#1558b0;color:#fff;border-top-right-radius:4px}",
    ".bubble a{color:inherit}",
    ".bubble img{display:block;max-width:100%;height:auto}",
    ".replies{display:flex;flex-wrap:wrap;gap:8px;max-width:100%;margin-top:8px}",
    ".replies button{max-width:100%;min-height:44px;padding:8px 16px;border:1px solid #1558b0;border-radius:22px;" +
      "background:#fff;color:#1558b0;text-align:left;overflow-wrap:anywhere;cursor:pointer}",
    ".replies button:hover:not(:disabled){background:#e8f0fb}",
    ".replies button:disabled{border-color:#c9d1dc;color:#6b7785;cursor:default}",
    ".replies button.chosen{border-color:#1558b0;background:#e8f0fb;color:#1558b0}",
    ".typing .bubble{color:#6b7785}",
    ".typing[hidden]{display:none}",
    ".composer{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #e1e6ee;background:#fff}",
    ".composer textarea{flex:1;min-width:0;min-height:44px;max-height:120px;padding:10px 12px;border:1px solid #b8c2cf;" +
      "border-radius:8px;color:inherit;font-size:16px;line-height:1.4;resize:none}",
    ".composer .send{flex:none;min-width:64px;min-height:44px;border:0;border-radius:8px;background:#1558b0;color:#fff;" +
      "font-size:16px;cursor:pointer}",
    ".composer .send:hover{background:#0f4a96}",
    ".sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);" +
      "white-space:nowrap;border:0}",
    "@media (max-width:480px){" +
      ".panel{top:0;right:0;bottom:0;left:0;width:auto;max-width:none;height:auto;max-height:none;border-radius:0}" +
      ".launcher{right:16px;bottom:16px}" +
      ".root.is-open .launcher{display:none}}"
  ].join("\n");

  var ICON =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3C6.5 3 2 6.6 ' +
    "2 11c0 2.4 1.3 4.6 3.4 6.1L4.6 21l4.3-2.4c1 .3 2 .4 3.1.4 5.5 0 10-3.6 10-8s-4.5-8-10-8zm-4 9.3a1.3 1.3 0 1 1 " +
    '0-2.6 1.3 1.3 0 0 1 0 2.6zm4 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6zm4 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6z"/></svg>';

  // A constructed style sheet is not blocked by a page's Content-Security-Policy
  // (style-src without 'unsafe-inline'); a <style> element is the fallback.
  function addStyle(root) {
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
        return;
      } catch (e) { /* older engines: fall through */ }
    }
    var style = el("style");
    style.textContent = STYLE;
    root.appendChild(style);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // Text stays text (no HTML from the server is ever interpreted); web addresses become links.
  function appendText(parent, text) {
    var pattern = /https?:\/\/[^\s<>"',,。;;、)）】]+/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      parent.appendChild(el("a", { href: match[0], target: "_blank", rel: "noopener noreferrer" }, match[0]));
      last = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderMessage(message, index) {
    var kind = message.from === "user" ? "user" : message.from === "agent" ? "bot agent" : "bot";
    if (message.notice) kind += " ticket-notice";
    var item = el("li", { "class": "msg " + kind, "data-index": String(index) });
    if (message.from === "agent") item.appendChild(el("span", { "class": "who", "aria-hidden": "true" }, AGENT_LABEL));
    if (message.notice) item.appendChild(el("span", { "class": "who", "aria-hidden": "true" }, NOTICE_LABEL));
    var bubble = el("div", { "class": "bubble" });
    bubble.appendChild(el("span", { "class": "sr-only" },
      message.from === "user" ? "我说:" : message.from === "agent" ? AGENT_LABEL + "说:" : config.title + "说:"));
    if (message.text) appendText(bubble, message.text);
    if (message.image) bubble.appendChild(el("img", { src: message.image, alt: "图片" }));
    item.appendChild(bubble);
    if (message.buttons && message.buttons.length) {
      var group = el("div", { "class": "replies", role: "group", "aria-label": "可选回复" });
      message.buttons.forEach(function (button, position) {
        var node = el("button", { type: "button" }, button.title);
        if (message.used) node.disabled = true;
        if (message.chosen === position) node.classList.add("chosen");
        node.addEventListener("click", function () {
          if (node.disabled) return;
          closeReplies({ message: index, button: position });
          send(button.payload, button.title);
        });
        group.appendChild(node);
      });
      item.appendChild(group);
    }
    return item;
  }

  function build() {
    var host = el("div", { id: "ys-chat-widget" });
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    addStyle(root);

    var wrap = el("div", { "class": "root" });
    var launcher = el("button", {
      type: "button", "class": "launcher", "aria-controls": "ys-chat-panel", "aria-expanded": "false"
    });
    launcher.innerHTML = ICON; // a constant, never server data
    launcher.appendChild(el("span", { "class": "label" }, "在线咨询"));
    var badge = el("span", { "class": "badge", hidden: "" });
    launcher.appendChild(badge);

    var panel = el("section", {
      id: "ys-chat-panel", "class": "panel", role: "dialog", "aria-labelledby": "ys-chat-title", hidden: ""
    });
    var head = el("div", { "class": "head" });
    head.appendChild(el("h2", { id: "ys-chat-title" }, config.title));
    var fresh = el("button", { type: "button", "class": "fresh", title: "清除本机记录,开始新对话" }, "新对话");
    var close = el("button", { type: "button", "class": "close", "aria-label": "关闭对话窗口" }, "×");
    head.appendChild(fresh);
    head.appendChild(close);

    var notice = el("p", { "class": "notice", role: "alert" });
    var log = el("ol", { "class": "log", role: "log", "aria-live": "polite", "aria-label": "对话记录", tabindex: "0" });
    var typing = el("li", { "class": "msg bot typing", "aria-hidden": "true", hidden: "" });
    typing.appendChild(el("div", { "class": "bubble" }, "正在输入……"));
    log.appendChild(typing);

    var form = el("form", { "class": "composer" });
    form.appendChild(el("label", { "for": "ys-chat-input", "class": "sr-only" }, "输入您的问题"));
    var input = el("textarea", {
      id: "ys-chat-input", rows: "1", placeholder: "请输入您的问题", enterkeyhint: "send",
      "aria-describedby": "ys-chat-hint", autocomplete: "off"
    });
    form.appendChild(input);
    form.appendChild(el("span", { id: "ys-chat-hint", "class": "sr-only" }, "按回车发送,Shift 加回车换行"));
    form.appendChild(el("button", { type: "submit", "class": "send" }, "发送"));

    panel.appendChild(head);
    panel.appendChild(notice);
    panel.appendChild(log);
    panel.appendChild(form);
    wrap.appendChild(launcher);
    wrap.appendChild(panel);
    root.appendChild(wrap);

    state.messages.forEach(function (message, index) { log.insertBefore(renderMessage(message, index), typing); });

    launcher.addEventListener("click", function () { setOpen(!state.open, true); });
    close.addEventListener("click", function () { setOpen(false, true); });
    fresh.addEventListener("click", function () {
      if (window.confirm("清除本机上的对话记录并开始新对话?")) newConversation();
      input.focus();
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") setOpen(false, true);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.shiftKey) return;
      event.preventDefault();
      if (event.isComposing || event.keyCode === 229) return; // Enter picks a 拼音 candidate
      submit();
    });
    input.addEventListener("input", function () {
      input.style.height = "auto";
      input.style.height = Math.min(input.scrollHeight + 2, 120) + "px";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit();
    });

    function submit() {
      var text = input.value;
      if (!text.trim()) return;
      input.value = "";
      input.style.height = "";
      send(text);
      input.focus();
    }

    document.body.appendChild(host);
    return { wrap: wrap, launcher: launcher, badge: badge, panel: panel, notice: notice, log: log, typing: typing, input: input };
  }

  // moveFocus: the user asked (not a restored state), so focus follows the panel.
  function setOpen(open, moveFocus) {
    state.open = open;
    saveState();
    ui.panel.hidden = !open;
    ui.wrap.classList.toggle("is-open", open);
    ui.launcher.setAttribute("aria-expanded", String(open));
    ui.launcher.setAttribute("aria-label", open ? "收起在线咨询" : "打开在线咨询");
    if (open) {
      setUnread(0);
      greetIfEmpty();
      connect();
      scrollToEnd();
      if (moveFocus) ui.input.focus();
    } else if (moveFocus) {
      ui.launcher.focus();
    }
  }

  function greetIfEmpty() {
    if (!state.messages.length && config.greeting) addMessage({ from: "bot", text: config.greeting });
  }

  function setNotice(text) {
    if (ui && ui.notice.textContent !== text) ui.notice.textContent = text;
    if (text) showTyping(false);
  }

  function setUnread(count) {
    unread = count;
    if (!ui) return;
    ui.badge.hidden = count === 0;
    ui.badge.textContent = count ? String(count) : "";
    ui.badge.setAttribute("aria-label", count + " 条新消息");
  }

  function showTyping(on) {
    clearTimeout(typingTimer);
    if (!ui) return;
    ui.typing.hidden = !on;
    if (on) {
      typingTimer = setTimeout(function () { ui.typing.hidden = true; }, TYPING_TIMEOUT_MS);
      scrollToEnd();
    }
  }

  function scrollToEnd() {
    if (ui) ui.log.scrollTop = ui.log.scrollHeight;
  }

  function start() {
    ui = build();
    ui.launcher.setAttribute("aria-label", "打开在线咨询");
    if (state.open) setOpen(true, false);
    else if (state.sessionId || queue.length) connect(); // messages from an agent may be waiting
    document.addEventListener("click", function (event) {
      var opener = event.target && event.target.closest && event.target.closest("[data-ys-chat-open]");
      if (!opener) return;
      event.preventDefault();
      setOpen(true, true);
    });
  }

  window.YSChatWidget = {
    open: function () { setOpen(true, true); },
    close: function () { setOpen(false, true); },
    newConversation: newConversation
  };

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
