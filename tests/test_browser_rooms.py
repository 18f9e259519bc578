"""Class digits in headless Chromium: digits drawn and sent in the browser are exactly the room's
export, also after the server is killed with SIGKILL and started again; screenshots of the views.
"""

from __future__ import annotations

import json
import re
import signal

import pytest
from browser_support import ARTIFACTS, exceptions_on, full_screenshot, running_app, wait_until_idle
from cli_support import run_cli

from explainer import rooms

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
SEND = {"en": "Send my digit", "ko": "내 숫자 보내기"}
LIVE = {"en": "The class's digits, live", "ko": "우리 반 숫자, 실시간으로"}
SENT = {"en": "Digits you have sent to this room: {n}.", "ko": "이 방에 보낸 숫자: {n}개."}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """The server's and the CLI's data folder (they inherit it): the rooms' SQLite file."""
    path = tmp_path_factory.mktemp("rooms-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXPLAINER_DATA_DIR", str(path))
        patch.delenv("EXPLAINER_DB_URL", raising=False)
        yield path


@pytest.fixture(scope="module")
def server(data_dir):
    """One app server on that data folder, for the tests that do not kill it."""
    with running_app() as url:
        yield url


def create_room() -> dict:
    result = run_cli("room", "create", "--json", "-")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def export(code: str) -> list[dict]:
    result = run_cli("room", "export", code, "--json", "-")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["digits"]


def draw_digit(page) -> None:
    """A "7" with the mouse: a bar across the top, then a stroke down and to the left."""
    box = page.locator(".dc-root canvas").last.bounding_box()
    points = [(60, 50), (220, 50), (200, 100), (160, 170), (130, 240)]
    page.mouse.move(box["x"] + points[0][0], box["y"] + points[0][1])
    page.mouse.down()
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        for step in range(1, 11):
            page.mouse.move(
                box["x"] + x0 + (x1 - x0) * step / 10, box["y"] + y0 + (y1 - y0) * step / 10
            )
    page.mouse.up()
    page.wait_for_timeout(600)  # the canvas reports the drawing to the server
    wait_until_idle(page)


def send_digits(page, url: str, code: str, count: int, lang: str = "en") -> list[int]:
    """Draw and send ``count`` digits as asked; the digits asked for, in order."""
    page.goto(f"{url}/class?room={code}&lang={lang}")
    wait_until_idle(page)
    asked = []
    for n in range(1, count + 1):
        asked.append(int(re.search(r"\d", page.locator("h3").first.inner_text()).group()))
        draw_digit(page)
        page.get_by_role("button", name=SEND[lang]).click()
        page.wait_for_function(
            "t => document.body.innerText.includes(t)", arg=SENT[lang].format(n=n)
        )
        wait_until_idle(page)
        assert exceptions_on(page) == []
        page.wait_for_timeout(2100)  # one digit every 2 seconds
    return asked


def test_sent_digits_are_the_export_also_after_a_killed_server(data_dir, browser) -> None:
    mine, other = create_room(), create_room()
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    page = context.new_page()
    with running_app(return_process=True) as (url, server):
        asked = send_digits(page, url, mine["code"], 3)
        server.send_signal(signal.SIGKILL)  # no clean shutdown
        server.wait(timeout=30)
    assert [d["label"] for d in export(mine["code"])] == asked
    with running_app() as url:  # started again on the same database
        assert [d["label"] for d in export(mine["code"])] == asked
        asked += send_digits(page, url, mine["code"], 2)
    records = export(mine["code"])
    assert len(records) == 5 and [d["label"] for d in records] == asked
    assert all(set(d) >= {"label", "rules", "linear", "cnn"} for d in records)
    assert export(other["code"]) == []  # the other room holds none of them
    context.close()


def test_a_blank_canvas_and_a_wrong_code_get_a_kind_message(server, browser) -> None:
    room, url = create_room(), server
    context = browser.new_context(viewport=PHONE, locale="en-US")
    page = context.new_page()
    page.goto(f"{url}/class?room={room['code']}")
    wait_until_idle(page)
    page.get_by_role("button", name="Send my digit").click()
    page.wait_for_function("() => document.body.innerText.includes('canvas is empty')")
    page.goto(f"{url}/class?room=ZZZZ-ZZZZ")
    wait_until_idle(page)
    assert "No room has the code ZZZZ-ZZZZ" in page.locator("body").inner_text()
    assert exceptions_on(page) == []
    assert export(room["code"]) == []
    context.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots_of_the_student_and_the_teacher(server, browser, lang, device) -> None:
    """The student's view after a digit, the teacher's live view with its QR code."""
    room, url = create_room(), server
    viewport = DESKTOP if device == "desktop" else PHONE
    locale = "en-US" if lang == "en" else "ko-KR"
    context = browser.new_context(viewport=viewport, locale=locale)
    page = context.new_page()
    send_digits(page, url, room["code"], 1, lang)
    canvas = page.locator(".dc-root canvas").last.bounding_box()
    assert canvas["x"] >= 0 and canvas["x"] + canvas["width"] <= viewport["width"]
    full_screenshot(page, ARTIFACTS / f"class-student-{lang}-{device}.png", viewport["width"])
    page.set_viewport_size(viewport)
    page.goto(f"{url}{room['teacher_url']}&lang={lang}")
    wait_until_idle(page)
    assert "teacher=" not in page.url  # the token leaves the address bar
    page.locator('[data-testid="stImage"] img').first.wait_for()  # the QR code
    body = page.locator("body").inner_text()
    assert rooms.pretty_code(room["code"]) in body
    assert exceptions_on(page) == []
    full_screenshot(page, ARTIFACTS / f"class-teacher-{lang}-{device}.png", viewport["width"])
    # Presenter mode: large type, one section at a time; the QR code first, then the live view.
    page.set_viewport_size(viewport)
    page.goto(f"{url}{room['teacher_url']}&lang={lang}&present=1")
    wait_until_idle(page)
    page.locator('[data-testid="stImage"] img').first.wait_for()
    full_screenshot(page, ARTIFACTS / f"class-presenter-qr-{lang}-{device}.png", viewport["width"])
    page.set_viewport_size(viewport)
    page.get_by_text(f"2. {LIVE[lang]}", exact=True).click()
    page.wait_for_function("t => document.querySelector('h2')?.innerText === t", arg=LIVE[lang])
    wait_until_idle(page)
    assert exceptions_on(page) == []
    full_screenshot(
        page, ARTIFACTS / f"class-presenter-live-{lang}-{device}.png", viewport["width"]
    )
    context.close()
