"""Strings of the "Learned features: CNN vs hand" page."""

EN = {
    "cnn_vs_hand.title": "Learned features: CNN vs hand",
    "cnn_vs_hand.intro": (
        "The same digits, two ways of seeing them. On the left, features that people engineered "
        "by hand (loops, stroke ends, crossings). On the right, a small convolutional network "
        "that **learned** its own features from the 4,000 training digits. Same data, same "
        "training loop, same 1,000 test digits: which one wins, where, and with how much data?"
    ),
    "cnn_vs_hand.digit.header": "Your digit, three ways",
    "cnn_vs_hand.digit.from_features": (
        "This is the digit chosen on the “Features by hand” page; choose another one there."
    ),
    "cnn_vs_hand.digit.link": "Choose a digit, draw one or upload one",
    "cnn_vs_hand.digit.number": "Or take test digit number (0-999)",
    "cnn_vs_hand.digit.label": "Label: **{label}**",
    "cnn_vs_hand.digit.own": "Your own digit: no label",
    "cnn_vs_hand.digit.rules": "Rules: **{answer}**",
    "cnn_vs_hand.digit.abstain": "abstain",
    "cnn_vs_hand.digit.linear": "Linear on features: **{digit}**",
    "cnn_vs_hand.digit.cnn": "CNN: **{digit}**",
    "cnn_vs_hand.all.header": "All {n} test digits",
    "cnn_vs_hand.all.caption": (
        "Accuracy overall and for each digit. Rules count an abstention as wrong. The confusion "
        "matrices show for each true digit (row) what each classifier answered (column)."
    ),
    "cnn_vs_hand.name.rules": "Rules",
    "cnn_vs_hand.name.linear": "Linear on hand features",
    "cnn_vs_hand.name.cnn": "CNN (learned features)",
    "cnn_vs_hand.all.per_class": "Accuracy per digit",
    "cnn_vs_hand.all.right": "right",
    "cnn_vs_hand.all.predicted": "predicted",
    "cnn_vs_hand.all.true": "true digit",
    "cnn_vs_hand.disagree.header": "Where they disagree",
    "cnn_vs_hand.disagree.caption": (
        "“Hand” is the linear classifier on the hand-made features. Each digit is captioned "
        "*true: hand / CNN*."
    ),
    "cnn_vs_hand.disagree.hand_wrong": "Hand wrong, CNN right ({n})",
    "cnn_vs_hand.disagree.cnn_wrong": "CNN wrong, hand right ({n})",
    "cnn_vs_hand.disagree.both_wrong": "Both wrong ({n})",
    "cnn_vs_hand.disagree.none": "None on the test set.",
    "cnn_vs_hand.sweep.header": "More data: who keeps improving?",
    "cnn_vs_hand.sweep.caption": (
        "Both learners train on the same seeded subsets of the training digits, with the same "
        "loop and about the same number of optimizer steps, and are scored on the same test "
        "digits. With little data the hand-made features help; with more, the features the CNN "
        "learns itself win and keep improving, while the hand-made ones level off."
    ),
    "cnn_vs_hand.sweep.x": "training digits (log scale)",
    "cnn_vs_hand.sweep.y": "test accuracy",
    "cnn_vs_hand.sweep.shipped": "Precomputed with `python -m explainer sweep` and shipped.",
    "cnn_vs_hand.sweep.fresh": "Recomputed on this machine just now ({seconds:.0f} s).",
    "cnn_vs_hand.sweep.rerun": "Recompute it here (about a minute)",
    "cnn_vs_hand.sweep.waiting": "Other runs are training on this server right now: this one starts as soon as a slot is free.",
    "cnn_vs_hand.sweep.progress": "{learner} on {size} digits: {accuracy:.1%}",
    "cnn_vs_hand.sweep.missing": "No precomputed sweep found. What went wrong:",
}

KO = {
    "cnn_vs_hand.title": "학습된 특징: CNN 대 수작업",
    "cnn_vs_hand.intro": (
        "같은 숫자를 두 가지 방법으로 봅니다. 한쪽은 사람이 손으로 설계한 특징(고리, 획의 끝점, "
        "교차 횟수)이고, 다른 쪽은 학습용 숫자 4,000개에서 특징을 스스로 **학습한** 작은 "
        "합성곱(컨볼루션) 신경망, 곧 CNN입니다. 같은 데이터, 같은 학습 루프, 같은 테스트 숫자 "
        "1,000개로 비교합니다. 어느 쪽이, 어떤 숫자에서, 데이터가 얼마나 있을 때 이길까요?"
    ),
    "cnn_vs_hand.digit.header": "고른 숫자, 세 가지 판단",
    "cnn_vs_hand.digit.from_features": (
        "“손으로 만든 특징” 페이지에서 고른 숫자입니다. 다른 숫자는 그 페이지에서 고르세요."
    ),
    "cnn_vs_hand.digit.link": "숫자 고르기, 그리기, 올리기",
    "cnn_vs_hand.digit.number": "또는 테스트 숫자 번호 (0-999)",
    "cnn_vs_hand.digit.label": "레이블: **{label}**",
    "cnn_vs_hand.digit.own": "직접 만든 숫자: 레이블 없음",
    "cnn_vs_hand.digit.rules": "규칙: **{answer}**",
    "cnn_vs_hand.digit.abstain": "판단 보류",
    "cnn_vs_hand.digit.linear": "손으로 만든 특징 + 선형 분류기: **{digit}**",
    "cnn_vs_hand.digit.cnn": "CNN: **{digit}**",
    "cnn_vs_hand.all.header": "테스트 숫자 {n}개 전체",
    "cnn_vs_hand.all.caption": (
        "전체 정확도와 숫자별 정확도입니다. 규칙의 판단 보류는 틀린 것으로 셉니다. 혼동 행렬은 "
        "실제 숫자(행)마다 각 분류기가 무엇이라고 답했는지(열) 보여 줍니다."
    ),
    "cnn_vs_hand.name.rules": "규칙",
    "cnn_vs_hand.name.linear": "손으로 만든 특징 + 선형 분류기",
    "cnn_vs_hand.name.cnn": "CNN (학습된 특징)",
    "cnn_vs_hand.all.per_class": "숫자별 정확도",
    "cnn_vs_hand.all.right": "정답률",
    "cnn_vs_hand.all.predicted": "예측",
    "cnn_vs_hand.all.true": "실제 숫자",
    "cnn_vs_hand.disagree.header": "서로 다르게 답한 숫자들",
    "cnn_vs_hand.disagree.caption": (
        "“수작업”은 손으로 만든 특징을 쓰는 선형 분류기입니다. 숫자마다 *레이블: 수작업 / CNN* "
        "순서로 적었습니다."
    ),
    "cnn_vs_hand.disagree.hand_wrong": "수작업은 틀리고 CNN은 맞음 ({n})",
    "cnn_vs_hand.disagree.cnn_wrong": "CNN은 틀리고 수작업은 맞음 ({n})",
    "cnn_vs_hand.disagree.both_wrong": "둘 다 틀림 ({n})",
    "cnn_vs_hand.disagree.none": "테스트 세트에는 없습니다.",
    "cnn_vs_hand.sweep.header": "데이터가 많아지면: 누가 계속 좋아질까?",
    "cnn_vs_hand.sweep.caption": (
        "두 학습기는 학습용 숫자에서 같은 시드로 뽑은 같은 부분집합으로, 같은 루프와 거의 같은 "
        "옵티마이저 스텝 수로 학습하고, 같은 테스트 숫자로 평가합니다. 데이터가 적을 때는 손으로 "
        "만든 특징이 도움이 되지만, 데이터가 많아지면 CNN이 스스로 학습한 특징이 이기고 계속 "
        "좋아지는 반면 손으로 만든 특징은 제자리에 머뭅니다."
    ),
    "cnn_vs_hand.sweep.x": "학습용 숫자 수 (로그 눈금)",
    "cnn_vs_hand.sweep.y": "테스트 정확도",
    "cnn_vs_hand.sweep.shipped": "`python -m explainer sweep`으로 미리 계산해 앱에 넣은 결과입니다.",
    "cnn_vs_hand.sweep.fresh": "방금 이 컴퓨터에서 다시 계산했습니다 ({seconds:.0f}초).",
    "cnn_vs_hand.sweep.rerun": "여기서 다시 계산하기 (약 1분)",
    "cnn_vs_hand.sweep.waiting": "지금 이 서버에서 다른 학습이 진행 중입니다. 자리가 나는 대로 바로 시작합니다.",
    "cnn_vs_hand.sweep.progress": "{learner}, 숫자 {size}개: {accuracy:.1%}",
    "cnn_vs_hand.sweep.missing": "미리 계산한 결과가 없습니다. 이유:",
}
