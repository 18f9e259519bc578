"""The feature pages in headless Chromium: a drawing kept across pages, uploads, a hostile name."""

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


def draw_stroke(page, x: float, top: float = 40, bottom: float = 240) -> None:
    """One vertical pen stroke on the canvas, with the mouse, as a student draws."""
    box = page.locator(".dc-root canvas").last.bounding_box()
    assert box and box["width"] >= 200
    page.mouse.move(box["x"] + x, box["y"] + top)
    page.mouse.down()
    for step in range(21):
        page.mouse.move(box["x"] + x, box["y"] + top + (bottom - top) * step / 20)
    page.mouse.up()


def ink_on_canvas(page) -> int:
    """Light pixels on the drawing canvas (its layers together)."""
    count = """c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] > 200 && d[i + 3] > 200) n++;
        return n;
    }"""
    return sum(layer.evaluate(count) for layer in page.locator(".dc-root canvas").all())


def drawing_src(page) -> str:
    """The address of the "Your drawing" thumbnail (Streamlit names media by their content)."""
    image = page.locator('[data-testid="stImage"]').filter(has_text="Your drawing").locator("img")
    image.wait_for()
    return image.get_attribute("src")


def wait_for_text(page, text: str) -> None:
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text)
    wait_until_idle(page)


def go_to(page, title: str) -> None:
    page.locator("[data-testid=stSidebar]").get_by_text(title, exact=True).click()  # same session
    page.wait_for_function("t => document.querySelector('h1')?.innerText === t", arg=title)
    wait_until_idle(page)


def test_a_drawn_digit_is_kept_on_both_pages(app_url, page) -> None:
    page.goto(f"{app_url}/features")
    wait_until_idle(page)
    choose(page, "Draw")
    draw_stroke(page, 140)  # a "1"
    wait_for_text(page, "Not used yet")
    assert any(t.startswith("Test digit #") for t in texts(page))  # no answer for it yet
    page.get_by_role("button", name="Use this drawing").click()
    wait_for_text(page, "Your drawing is the current digit")
    assert exceptions_on(page) == []
    assert "says 1" in texts(page)
    drawn = drawing_src(page)
    assert "digit=" not in page.url
    go_to(page, "Learned features: CNN vs hand")
    assert exceptions_on(page) == []
    assert "Your own digit: no label" in texts(page)
    assert "CNN: 1" in texts(page)
    assert drawing_src(page) == drawn  # the same drawing
    go_to(page, "Features by hand")
    assert exceptions_on(page) == []
    assert "Your drawing is the current digit" in page.locator("body").inner_text()
    assert "Your last drawing is kept" in page.locator("body").inner_text()  # canvas is blank
    assert drawing_src(page) == drawn and "says 1" in texts(page)
    assert "digit=" not in page.url


def test_new_digit_clears_the_canvas_and_keeps_the_digit(app_url, page) -> None:
    page.goto(f"{app_url}/features")
    wait_until_idle(page)
    choose(page, "Draw")
    draw_stroke(page, 140)
    wait_for_text(page, "Not used yet")
    page.get_by_role("button", name="Use this drawing").click()
    wait_for_text(page, "Your drawing is the current digit")
    drawn = drawing_src(page)
    draw_stroke(page, 60, top=150)  # a second digit over the first
    wait_for_text(page, "Not used yet")
    assert ink_on_canvas(page) > 0
    page.get_by_role("button", name="New digit").click()
    wait_for_text(page, "Your last drawing is kept")
    page.wait_for_function("() => !document.body.innerText.includes('Not used yet')")
    assert ink_on_canvas(page) == 0  # a blank canvas
    assert drawing_src(page) == drawn  # the used drawing is still the digit
    page.get_by_role("button", name="Use this drawing").click()
    wait_for_text(page, "The canvas is empty")
    assert exceptions_on(page) == []
    assert drawing_src(page) == drawn


def test_the_canvas_toolbar_leaves_the_help_text_readable(app_url, page) -> None:
    page.goto(f"{app_url}/features")
    wait_until_idle(page)
    choose(page, "Draw")
    canvas = page.locator(".dc-root canvas").last.bounding_box()
    page.mouse.move(canvas["x"] + 100, canvas["y"] + 100)  # hovering shows the toolbar
    page.wait_for_timeout(500)
    toolbar = page.locator(".dc-toolbar-card").bounding_box()
    help_text = page.get_by_text("Draw one digit, large and centred").bounding_box()
    assert toolbar and help_text
    assert toolbar["y"] >= help_text["y"] + help_text["height"]  # below the help text


def test_uploaded_digit_with_a_hostile_name(app_url, page) -> None:
    page.goto(f"{app_url}/features")
    wait_until_idle(page)
    choose(page, "Upload")
    title = page.title()
    page.locator("input[type=file]").set_input_files(
        {"name": HOSTILE, "mimeType": "image/png", "buffer": png_of_test_digit(3)}
    )
    wait_for_text(page, "Your image is the current digit")
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
