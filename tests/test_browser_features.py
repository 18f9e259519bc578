"""The two feature pages in headless Chromium: a drawn digit, an uploaded one, a hostile file name."""

from __future__ import annotations

import io

import pytest
from browser_support import (
    VIEWPORTS,
    exceptions_on,
    wait_until_idle,
)
from PIL import Image

from explainer import data

pytestmark = pytest.mark.browser
HOSTILE = "<img src=x onerror=alert(1)>**bold**.png"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-US")
    tab = context.new_page()
    yield tab
    context.close()


def texts(page) -> list[str]:
    return page.locator("p").all_inner_texts()


def choose(page, source: str) -> None:
    page.get_by_text(source, exact=True).first.click()
    wait_until_idle(page)


def png_of_test_digit(index: int) -> bytes:
    image = 255 - data.load_mnist("test")[0][index].numpy()  # dark on light, like paper
    buffer = io.BytesIO()
    Image.fromarray(image).resize((200, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_drawn_digit_goes_through_both_pages(app_url, page) -> None:
    page.goto(f"{app_url}/features")
    wait_until_idle(page)
    choose(page, "Draw")
    box = page.locator("canvas").last.bounding_box()
    assert box and box["width"] >= 200
    page.mouse.move(box["x"] + 140, box["y"] + 40)
    page.mouse.down()
    for step in range(21):  # a vertical stroke: a "1"
        page.mouse.move(box["x"] + 140, box["y"] + 40 + 10 * step)
    page.mouse.up()
    page.wait_for_function("() => document.body.innerText.includes('Your digit (Draw)')")
    wait_until_idle(page)
    assert exceptions_on(page) == []
    assert "says 1" in texts(page)
    nav = page.locator("[data-testid=stSidebar]")
    nav.get_by_text("Learned features: CNN vs hand", exact=True).click()  # same session
    page.wait_for_function("() => document.querySelector('h1')?.innerText.includes('CNN vs')")
    wait_until_idle(page)
    assert exceptions_on(page) == []
    assert "Your own digit: no label" in texts(page)
    assert "CNN: 1" in texts(page)


def test_uploaded_digit_with_a_hostile_name(app_url, page) -> None:
    page.goto(f"{app_url}/features")
    wait_until_idle(page)
    choose(page, "Upload")
    title = page.title()
    page.locator("input[type=file]").set_input_files(
        {"name": HOSTILE, "mimeType": "image/png", "buffer": png_of_test_digit(3)}
    )
    page.wait_for_function("() => document.body.innerText.includes('Your digit (Upload)')")
    wait_until_idle(page)
    assert exceptions_on(page) == []
    body = page.locator("body").inner_text()
    assert f"File: {HOSTILE}" in body  # shown as text, character for character
    assert page.locator("img[src=x]").count() == 0  # never as HTML
    assert page.title() == title
    label = int(data.load_mnist("test")[1][3])
    assert f"says {label}" in texts(page)


def test_a_file_that_is_not_an_image_gets_a_clear_message(app_url, page) -> None:
    page.goto(f"{app_url}/features")
    wait_until_idle(page)
    choose(page, "Upload")
    page.locator("input[type=file]").set_input_files(
        {"name": "notes.png", "mimeType": "image/png", "buffer": b"just some text"}
    )
    page.wait_for_function("() => document.body.innerText.includes('cannot be used as a digit')")
    assert exceptions_on(page) == []
    assert "not a readable image" in page.locator("body").inner_text()
