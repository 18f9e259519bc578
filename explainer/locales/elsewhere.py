"""The "Digits from elsewhere" section of the CNN-vs-hand page."""

EN = {
    "cnn_vs_hand.elsewhere.header": "Digits from elsewhere",
    "cnn_vs_hand.elsewhere.caption": (
        "The chapter's test of any learner: does it do well on data it has **not** seen? Below, "
        "the same three classifiers meet digits that are not MNIST at all: printed in free fonts, "
        "photographed on paper, and drawn with thick even strokes like the canvas makes. Each went "
        "through the app's own upload preprocessing. No classifier was trained on any of them."
    ),
    "cnn_vs_hand.elsewhere.set.test": "test split ({n})",
    "cnn_vs_hand.elsewhere.set.printed": "printed ({n})",
    "cnn_vs_hand.elsewhere.set.photo": "photo-like ({n})",
    "cnn_vs_hand.elsewhere.set.drawn": "drawn ({n})",
    "cnn_vs_hand.elsewhere.ahead": "{kind}: the CNN is **{points:.1f} points ahead** of the linear classifier on hand features.",
    "cnn_vs_hand.elsewhere.behind": "{kind}: the CNN is **{points:.1f} points behind** the linear classifier on hand features.",
    "cnn_vs_hand.elsewhere.level": "{kind}: the CNN and the linear classifier are level (within half a point).",
    "cnn_vs_hand.elsewhere.wrong_header": "The digits each one gets wrong",
    "cnn_vs_hand.elsewhere.y": "share of digits right",
    "cnn_vs_hand.elsewhere.wrong": "**{name}**: {n} of {total} wrong (label→answer, ? = no rule fits)",
    "cnn_vs_hand.elsewhere.all_right": "none wrong",
    "cnn_vs_hand.elsewhere.how": (
        "How these digits were made: `scripts/make_elsewhere.py` renders each digit in 24 free "
        "fonts, on photographed-looking paper (uneven light, blur, noise, JPEG) and as canvas-like "
        "strokes, "
        "then sends every one through the same preprocessing as an upload or a drawing."
    ),
}

KO = {
    "cnn_vs_hand.elsewhere.header": "다른 곳에서 온 숫자",
    "cnn_vs_hand.elsewhere.caption": (
        "어떤 학습기든 시험하는 1장의 질문은 하나입니다. **본 적 없는** 데이터에서도 잘하는가? "
        "아래에서는 같은 세 분류기가 MNIST가 아닌 숫자를 만납니다. 무료 글꼴로 인쇄한 숫자, "
        "종이에 쓴 것을 사진으로 찍은 듯한 숫자, 캔버스처럼 굵고 고른 획으로 그린 숫자입니다. "
        "모두 앱의 업로드 전처리를 그대로 거쳤고, 어느 분류기도 이 숫자로 학습하지 않았습니다."
    ),
    "cnn_vs_hand.elsewhere.set.test": "테스트 세트 ({n})",
    "cnn_vs_hand.elsewhere.set.printed": "인쇄 ({n})",
    "cnn_vs_hand.elsewhere.set.photo": "사진 ({n})",
    "cnn_vs_hand.elsewhere.set.drawn": "그린 숫자 ({n})",
    "cnn_vs_hand.elsewhere.ahead": "{kind}: CNN이 손으로 만든 특징 + 선형 분류기보다 **{points:.1f}%p 앞섭니다**.",
    "cnn_vs_hand.elsewhere.behind": "{kind}: CNN이 손으로 만든 특징 + 선형 분류기보다 **{points:.1f}%p 뒤처집니다**.",
    "cnn_vs_hand.elsewhere.level": "{kind}: CNN과 선형 분류기가 비슷합니다(차이 0.5%p 미만).",
    "cnn_vs_hand.elsewhere.wrong_header": "각 분류기가 틀린 숫자",
    "cnn_vs_hand.elsewhere.y": "맞힌 숫자의 비율",
    "cnn_vs_hand.elsewhere.wrong": "**{name}**: {total}개 중 {n}개 틀림 (레이블→답, ? = 맞는 규칙 없음)",
    "cnn_vs_hand.elsewhere.all_right": "틀린 숫자 없음",
    "cnn_vs_hand.elsewhere.how": (
        "이 숫자를 만든 방법: `scripts/make_elsewhere.py`가 숫자마다 무료 글꼴 24종으로 인쇄하고, "
        "사진 같은 종이(고르지 않은 조명, 흐림, 잡음, JPEG)와 캔버스 같은 획을 만든 뒤, 하나하나를 "
        "업로드나 그림과 똑같은 전처리에 통과시킵니다."
    ),
}
