"""Strings shared by every page: navigation, buttons, generic messages."""

EN = {
    "nav.home": "Chapter 1 in one screen",
    "nav.features": "Features by hand",
    "nav.cnn_vs_hand": "Learned features: CNN vs hand",
    "nav.train": "Watch it learn",
    "nav.inside": "Inside the CNN",
    "nav.speed": "Tensors and speed",
    "common.show_code": "Show the code that ran: {name}",
    "common.digit": "digit",
    "common.count": "count",
    "common.presenter": "Presenter mode",
    "common.presenter.help": "Large type for a projector, one idea per screen, fewer controls.",
    "common.slide": "Section",
}

KO = {
    "nav.home": "1장을 한 화면에",
    "nav.features": "손으로 만든 특징",
    "nav.cnn_vs_hand": "학습된 특징: CNN 대 수작업",
    "nav.train": "학습 과정 보기",
    "nav.inside": "CNN의 내부",
    "nav.speed": "텐서와 속도",
    "common.show_code": "실제로 실행된 코드 보기: {name}",
    "common.digit": "숫자",
    "common.count": "개수",
    "common.presenter": "발표 모드",
    "common.presenter.help": (
        "프로젝터에 띄우기 좋게 글씨를 키우고, 한 화면에 한 가지만 보여 주며, 조작 요소를 줄입니다."
    ),
    "common.slide": "항목",
}
