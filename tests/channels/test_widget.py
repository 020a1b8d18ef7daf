"""The web chat widget in a real headless Chromium, against the real servers.

The demo page (bot/channels/static/demo.html) embeds the widget with one script tag;
what a user sees is checked against the knowledge files. Screenshots go to
results/widget.png and results/widget-phone.png.
"""
from __future__ import annotations

import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from bot.config import PROJECT_ROOT
from bot.procedures.loader import load_knowledge
from bot.procedures.model import days_text

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
RESULTS = PROJECT_ROOT / "results"
KB = load_knowledge(PROJECT_ROOT / "knowledge")
OFFLINE_NOTICE = "暂时连接不上服务器"
TOUCH_TARGET_PX = 44


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run scripts/system_deps.sh (make test runs it) "
                    "to install Debian's chromium package; `playwright install` is not used.", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_url(stack) -> str:
    return f"{stack.rasa_url}/webhooks/webchat/demo"


@pytest.fixture
def gov_page(stack):
    """A page of another origin (a government site) that embeds the widget with one tag."""
    html = ('<!DOCTYPE html><meta charset="utf-8"><title>某局网站</title><h1>某局网站</h1>'
            f'<script src="{stack.rasa_url}/webhooks/webchat/widget.js" data-title="在线咨询"></script>').encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def bot_messages(page):
    return page.locator(".msg.bot[data-index]")


def send(page, text: str):
    """Types ``text`` and presses Enter; returns the locator of the first reply to come."""
    first_reply = bot_messages(page).nth(bot_messages(page).count())
    page.get_by_label("输入您的问题").fill(text)
    page.get_by_label("输入您的问题").press("Enter")
    return first_reply


def stored_session_id(page) -> str:
    return page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('ys-chat:'))"
        ".map(k => JSON.parse(localStorage.getItem(k)).sessionId)[0]"
    )


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def get(url: str, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("path, content_type, cache", [
    ("widget.js", "text/javascript; charset=utf-8", "public, max-age=300"),
    ("socket.io.min.js", "text/javascript; charset=utf-8", "public, max-age=86400"),
    ("demo", "text/html; charset=utf-8", "no-cache"),
])
def test_the_channel_serves_the_widget_files_with_types_and_caching(stack, path, content_type, cache):
    url = f"{stack.rasa_url}/webhooks/webchat/{path}"
    status, headers, body = get(url)
    assert (status, headers["Content-Type"], headers["Cache-Control"]) == (200, content_type, cache)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert get(url, {"If-None-Match": headers["ETag"]})[0] == 304
    if path == "socket.io.min.js":
        assert body.startswith(b"/*!\n * Socket.IO v4."), "the vendored client keeps its licence header"


def test_the_demo_page_needs_one_script_tag_and_the_channel_takes_no_messages(stack):
    _, headers, body = get(f"{stack.rasa_url}/webhooks/webchat/demo")
    assert len(re.findall(rb"<script\b", body)) == 1
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    post = urllib.request.Request(f"{stack.rasa_url}/webhooks/webchat/webhook", data=b'{"message": "hi"}')
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(post, timeout=10)
    assert refused.value.code in (404, 405)
    assert get(f"{stack.rasa_url}/webhooks/webchat/..%2Fwebchat.py")[0] == 404


def test_a_conversation_with_buttons_survives_a_reload(stack, browser, demo_url):
    """「注销要多久」→ two buttons; a click answers that one; a reload keeps history and session."""
    general = KB.get("general_deregistration")
    simple = KB.get("simple_deregistration")
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(demo_url)

    launcher = page.get_by_role("button", name="打开在线咨询")
    launcher.click()
    expect(page.get_by_role("dialog", name="营商助手")).to_be_visible()
    expect(page.get_by_label("输入您的问题")).to_be_focused()
    expect(bot_messages(page).first).to_contain_text("示例市营商助手")  # the page's greeting

    asked = bot_messages(page).count()
    reply = send(page, "注销要多久")
    expect(reply).to_contain_text("注销")
    choices = reply.get_by_role("button")
    expect(choices).to_have_text([simple.name, general.name, "都不是"])

    choices.nth(1).click()
    expect(page.locator(".msg.user .bubble").last).to_have_text(re.compile(f"{general.name}$"))
    answer = bot_messages(page).nth(asked + 1)
    expect(answer).to_contain_text(general.name)
    expect(answer).to_contain_text(days_text(general.time_limit.promised_days))
    assert "\n" in answer.inner_text(), "line breaks of the answer are kept"
    expect(choices.nth(0)).to_be_disabled()
    session_id = stored_session_id(page)
    seen = bot_messages(page).count()

    page.reload()
    expect(page.get_by_role("dialog", name="营商助手")).to_be_visible()
    expect(bot_messages(page)).to_have_count(seen)
    expect(page.locator(".msg.user .bubble").last).to_contain_text(general.name)
    follow_up = send(page, "那要多久?")
    expect(follow_up).to_contain_text(general.name)
    assert stored_session_id(page) == session_id
    tracker = stack.chat(session_id).tracker()
    assert tracker["latest_input_channel"] == "socketio"
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"][0] == "注销要多久"

    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "widget.png"))
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("button", name="打开在线咨询")).to_be_focused()
    assert problems == []
    page.close()


def test_the_widget_fits_a_phone_screen(browser, demo_url):
    context = browser.new_context(viewport={"width": 375, "height": 667}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="zh-CN")
    page = context.new_page()
    page.goto(demo_url)
    assert no_horizontal_scroll(page)
    launcher = page.get_by_role("button", name="打开在线咨询")
    assert launcher.bounding_box()["height"] >= TOUCH_TARGET_PX
    launcher.tap()

    panel = page.get_by_role("dialog", name="营商助手")
    box = {key: round(value) for key, value in panel.bounding_box().items()}
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 375, 667), "full screen"
    reply = send(page, "简易注销要准备什么材料?")
    expect(reply).to_contain_text(KB.get("simple_deregistration").name)
    expect(page.locator(".replies button").last).to_be_visible()
    assert no_horizontal_scroll(page)
    assert page.locator(".log").evaluate("log => log.scrollWidth <= log.clientWidth")
    for target in [page.locator(".replies button").last, page.get_by_role("button", name="发送"),
                   page.get_by_role("button", name="关闭对话窗口"), page.get_by_label("输入您的问题")]:
        assert target.bounding_box()["height"] >= TOUCH_TARGET_PX
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "widget-phone.png"))
    context.close()


def test_an_unreachable_server_shows_a_notice_then_the_widget_reconnects(browser, gov_page):
    """Embedded in a page of another origin; socket.io blocked at first, then let through."""
    page = browser.new_page(locale="zh-CN")
    blocked = lambda url: "/socket.io/" in url  # noqa: E731
    page.route(blocked, lambda route: route.abort("connectionrefused"))
    page.goto(gov_page)
    page.get_by_role("button", name="打开在线咨询").click()

    notice = page.get_by_role("alert")
    expect(notice).to_contain_text(OFFLINE_NOTICE, timeout=10_000)
    expect(notice).to_contain_text("12345")
    reply = send(page, "注销要多久")  # typed while offline: sent once the connection is back
    expect(page.locator(".msg.user").last).to_contain_text("注销要多久")

    page.unroute(blocked)
    expect(notice).to_be_hidden(timeout=15_000)
    expect(reply).to_contain_text("注销", timeout=15_000)
    expect(reply.get_by_role("button")).to_have_count(3)
    page.close()


def test_a_browser_cannot_choose_someone_elses_conversation(stack, browser):
    """A session id the server did not issue is replaced; messages for another session are dropped."""
    page = browser.new_page()
    page.goto(f"{stack.rasa_url}/webhooks/webchat")
    page.add_script_tag(url=f"{stack.rasa_url}/webhooks/webchat/socket.io.min.js")
    stranger = "0123456789abcdef0123456789abcdef"
    result = page.evaluate("""([server, stranger]) => new Promise((resolve, reject) => {
        const socket = io(server, {transports: ["websocket"]});
        setTimeout(() => reject(new Error("no answer")), 20000);
        socket.on("connect", () => socket.emit("session_request", {session_id: "demo-1"}));
        socket.on("session_confirm", (id) => {
            socket.emit("user_uttered", {message: "注销要多久", session_id: stranger});
            socket.emit("user_uttered", {message: "注销要多久", session_id: id});
            socket.on("bot_uttered", () => { socket.close(); resolve(id); });
        });
    })""", [stack.rasa_url, stranger])
    assert re.fullmatch(r"[0-9a-f]{32}", result) and result != "demo-1"
    assert [e for e in stack.chat(stranger).tracker()["events"] if e["event"] == "user"] == []
    page.close()


@pytest.mark.parametrize("page", ["demo", "demo/"])
def test_the_demo_pages_files_load_whether_or_not_its_address_ends_in_a_slash(stack, page):
    # «/webhooks/webchat/demo/» served the page, and its relative «demo.css» then pointed at
    # «…/demo/demo.css», a 404: the page lost its style (a newcomer's run found it)
    url = f"{stack.rasa_url}/webhooks/webchat/{page}"
    status, _, body = get(url)
    assert status == 200
    for found in re.findall(rb'(?:href|src)="([^"#:]+\.(?:css|js))"', body):
        assert get(urllib.parse.urljoin(url, found.decode()))[0] == 200, found
