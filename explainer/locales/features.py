"""Strings of the "Features by hand" page and of the readable rules."""

EN = {
    "features.title": "Features by hand",
    "features.intro": (
        "Before deep learning, people wrote the features themselves: **feature engineering**. "
        "Here is a real hand-written extractor at work on real digits: it counts loops, thins "
        "strokes to a skeleton, finds where strokes end and meet, and counts how often a line "
        "across the digit crosses ink. Then two classifiers use those numbers: rules a teacher "
        "can read, and a linear classifier trained by the same PyTorch loop as the CNN."
    ),
    "features.pick.header": "Choose a digit",
    "features.pick.source": "Where the digit comes from",
    "features.pick.gallery": "Gallery",
    "features.pick.random": "Random",
    "features.pick.index": "By number",
    "features.pick.draw": "Draw",
    "features.pick.upload": "Upload",
    "features.pick.gallery_help": "One test digit of each class; press a number to take it.",
    "features.pick.shuffle": "Show other digits",
    "features.pick.another": "Another random digit",
    "features.pick.number": "Test digit number (0-999)",
    "features.pick.draw_help": "Draw one digit with the mouse or a finger, large and centred.",
    "features.pick.upload_label": "An image of one digit (PNG, JPEG, GIF, ...)",
    "features.pick.upload_help": (
        "Any size, dark on light or light on dark: it is made MNIST-style (grayscale, threshold, "
        "cropped, scaled to 20 pixels, centred by mass in 28x28)."
    ),
    "features.pick.file": "File:",
    "features.pick.bad": "This image cannot be used as a digit. What went wrong:",
    "features.pick.nothing": "Nothing to show yet: draw a digit or upload an image.",
    "features.pick.chosen": "Test digit #{index}, labelled **{label}**.",
    "features.pick.chosen_own": "Your digit ({source}), made MNIST-style: 28x28 pixels.",
    "features.steps.header": "Each step on this digit",
    "features.steps.caption": (
        "Binarize: a pixel is ink when its value is at least {threshold} of 255. Holes: the "
        "background regions the border cannot reach, one colour each. Skeleton: strokes thinned "
        "to one pixel (Zhang-Suen), with **endpoints** in green and **junctions** in red. "
        "Scanlines: five lines across and five down the digit, each with how many strokes it "
        "crosses."
    ),
    "features.steps.binarized": "1. Binarized",
    "features.steps.holes": "2. Holes: {count}",
    "features.steps.skeleton": "3. Skeleton",
    "features.steps.scanlines": "4. Scanlines",
    "features.table.header": "The numbers the classifiers see",
    "features.table.caption": (
        "**holes** = loops, **endpoints** = stroke ends, **junctions** = where three or more "
        "branches meet, **strokes** = branches of the skeleton; *_y values are positions from 0 "
        "(top of the digit) to 1 (bottom); holes_top/middle/bottom = holes in each third of the "
        "digit's height; h_cross/v_cross = crossings of the scanlines; zone_rc "
        "= share of ink in a 3x3 grid over the digit."
    ),
    "features.table.feature": "feature",
    "features.table.value": "value",
    "features.predict.header": "Two hand-made classifiers decide",
    "features.predict.rules": "Rules a teacher can read",
    "features.predict.linear": "Linear classifier on the features",
    "features.predict.says": "says **{digit}**",
    "features.predict.abstains": "abstains: no rule fits",
    "features.predict.path": "The questions asked, in order:",
    "features.predict.yes": "yes",
    "features.predict.no": "no",
    "features.predict.linear_caption": (
        "Logistic regression: each feature is standardised, multiplied by a learned weight per "
        "class and summed; softmax turns the ten sums into probabilities. Trained with "
        "`explainer.train.fit`, the same loop as the CNN."
    ),
    "features.code.header": "The code that ran",
    "features.code.rules": "The rules, as the code that ran",
    "features.all.header": "On all {n} test digits",
    "features.all.caption": (
        "Accuracy counts an abstention as wrong. The confusion matrix shows, for each true digit "
        "(row), what the classifier answered (column)."
    ),
    "features.all.rules_accuracy": "Rules: accuracy",
    "features.all.rules_abstain": "Rules: abstained",
    "features.all.linear_accuracy": "Linear: accuracy",
    "features.all.distribution": "Feature by digit",
    "features.all.feature": "Feature to compare across digits",
    "features.all.confusion_rules": "Rules: confusion matrix",
    "features.all.confusion_linear": "Linear classifier: confusion matrix",
    "features.all.true": "true digit",
    "features.all.predicted": "predicted",
    "features.all.abstain": "?",
    "features.all.share": "share of the digits",
    "rules.header": "The rules",
    "rules.two_loops": "Two or more loops (holes of 4+ pixels)?",
    "rules.one_loop": "Exactly one loop?",
    "rules.big_closed_loop": "Is the loop big (40+ pixels) with at most one stroke end?",
    "rules.loop_low": "Is the loop low (centre in the bottom 40% of the digit)?",
    "rules.loop_high": "Is the loop high (centre in the top 45%)?",
    "rules.end_at_bottom": "Does a stroke end in the bottom half?",
    "rules.end_at_top": "Does a stroke end in the top half, and none in the bottom?",
    "rules.tall_thin": "Is it tall and thin (twice as tall as wide)?",
    "rules.one_line": "One stroke, crossed once by both centre lines, no bar on top?",
    "rules.three_bars": "Does a vertical line through the middle cross ink three times?",
    "rules.ends_left": "Do all stroke ends lie on the left half?",
    "rules.three_ends": "Three or more stroke ends, and a junction?",
    "rules.foot_right": "Ink in the bottom-right corner, and little in the top-left?",
    "rules.open_top": "Two strokes side by side in the upper half, with the top open?",
    "rules.bottom_bar": "Ink across the bottom, with a stroke ending there?",
    "rules.top_bar": "A bar along the top, and a bottom corner empty?",
    "rules.crossed_twice": "Do both centre lines cross ink exactly twice?",
    "features.pick.draw_steps": (
        "Draw one digit, large and centred, with the mouse or a finger. Then press **Use this "
        "drawing**: the page answers only then, so a digit drawn in two strokes is judged whole. "
        "**New digit** clears the canvas."
    ),
    "features.pick.use_drawing": "Use this drawing",
    "features.pick.new_drawing": "New digit",
    "features.pick.draw_empty": (
        "The canvas is empty: draw a digit first, then press **Use this drawing**. The current "
        "digit stays as it was."
    ),
    "features.pick.draw_bad": (
        "This drawing cannot be used as a digit, so the current digit stays as it was. What went "
        "wrong:"
    ),
    "features.pick.draw_pending": (
        "Not used yet: press **Use this drawing** to see what the classifiers say about it."
    ),
    "features.pick.draw_kept": (
        "Your last drawing is kept as the current digit. To replace it, draw a new digit and "
        "press **Use this drawing**."
    ),
    "features.pick.draw_waiting": (
        "Until you press **Use this drawing**, the page keeps showing the current digit."
    ),
    "features.pick.your_drawing": "Your drawing",
    "features.pick.mnist_version": "The 28x28 version",
    "features.pick.chosen_draw": (
        "**Your drawing** is the current digit, made MNIST-style: 28x28 pixels. It stays the "
        "current digit, here and on the other pages, until you choose another."
    ),
    "features.pick.chosen_upload": (
        "**Your image** is the current digit, made MNIST-style: 28x28 pixels. It stays the "
        "current digit, here and on the other pages, until you choose another."
    ),
    "features.loops.header": "The same features, in plain Python loops",
    "features.loops.caption": (
        "The extractor above is fast because it works on whole tensors at once, through a "
        "bit-packing trick that is hard to read. Below is the version a person would write "
        "first: Python loops over pixels, a flood fill for holes, neighbour counts for "
        "endpoints and junctions, crossings counted along a line. It gives exactly the same "
        "features (a test checks all 5,000 bundled digits). Time both on the same {n} test "
        "digits."
    ),
    "features.loops.code": "The readable version, step by step: explainer/features_loops.py",
    "features.loops.run": "Time both",
    "features.loops.result": (
        "Python loops: **{loops:.2f} s**. Tensors: **{tensors:.3f} s**. Same {n} digits, same "
        "features: **{equal}**."
    ),
    "features.loops.slower": (
        "The loops took **{ratio:.0f}x** as long, for the same answers. A tensor is one block "
        "of numbers of one type, and one operation runs over all of it in compiled code; the "
        "loops handle one Python object at a time, and the interpreter checks each one's type."
    ),
    "features.loops.close": (
        "This time the loops took only {ratio:.1f}x as long: the machine is probably busy. "
        "Press the button again to measure again."
    ),
}

KO = {
    "features.title": "손으로 만든 특징",
    "features.intro": (
        "딥러닝 이전에는 사람이 특징을 직접 설계했습니다. 이것을 **특징 공학**(피처 "
        "엔지니어링)이라고 합니다. 여기서는 사람이 작성한 실제 특징 추출기가 실제 손글씨 숫자를 "
        "처리하는 모습을 봅니다. 추출기는 고리(구멍)를 세고, 획을 한 픽셀 두께의 골격으로 가늘게 "
        "만들고, 획이 끝나는 곳과 만나는 곳을 찾고, 숫자를 가로지르는 선이 잉크를 몇 번 지나는지 "
        "셉니다. 이렇게 얻은 특징값을 두 분류기가 사용합니다. 하나는 교사가 읽을 수 있는 규칙이고, "
        "다른 하나는 CNN과 똑같은 파이토치 학습 루프로 학습한 선형 분류기입니다."
    ),
    "features.pick.header": "숫자 고르기",
    "features.pick.source": "숫자를 가져올 곳",
    "features.pick.gallery": "갤러리",
    "features.pick.random": "무작위",
    "features.pick.index": "번호로",
    "features.pick.draw": "그리기",
    "features.pick.upload": "업로드",
    "features.pick.gallery_help": "클래스마다 테스트 숫자가 하나씩 있습니다. 버튼을 눌러 고르세요.",
    "features.pick.shuffle": "다른 숫자 보기",
    "features.pick.another": "무작위로 다른 숫자 고르기",
    "features.pick.number": "테스트 숫자 번호 (0-999)",
    "features.pick.draw_help": "마우스나 손가락으로 숫자 하나를 크게, 가운데에 그리세요.",
    "features.pick.upload_label": "숫자 하나가 담긴 이미지 (PNG, JPEG, GIF, ...)",
    "features.pick.upload_help": (
        "크기는 상관없고, 밝은 바탕에 어두운 글씨든 어두운 바탕에 밝은 글씨든 괜찮습니다. 올린 "
        "이미지는 MNIST 방식으로 바뀝니다(흑백 변환, 임계값으로 이진화, 잘라내기, 20픽셀로 축소, "
        "28x28 안에서 질량 중심 맞추기)."
    ),
    "features.pick.file": "파일:",
    "features.pick.bad": "이 이미지는 숫자로 쓸 수 없습니다. 이유:",
    "features.pick.nothing": "아직 보여 줄 숫자가 없습니다. 숫자를 그리거나 이미지를 올리세요.",
    "features.pick.chosen": "테스트 숫자 #{index}, 레이블 **{label}**.",
    "features.pick.chosen_own": "직접 만든 숫자({source})를 MNIST 방식의 28x28 픽셀로 바꿨습니다.",
    "features.steps.header": "이 숫자로 보는 단계별 과정",
    "features.steps.caption": (
        "이진화: 값이 255 중 {threshold} 이상인 픽셀을 잉크로 봅니다. 구멍: 테두리에서 이어지지 "
        "않는 배경 영역으로, 구멍마다 다른 색으로 칠했습니다. 골격: 획을 한 픽셀 두께로 가늘게 만든 "
        "것(Zhang-Suen 세선화)으로, **끝점**은 초록색, **분기점**은 빨간색입니다. 주사선: 숫자를 "
        "가로로 지나는 선 다섯 개와 세로로 지나는 선 다섯 개이며, 선마다 지나는 획의 수를 "
        "적었습니다."
    ),
    "features.steps.binarized": "1. 이진화",
    "features.steps.holes": "2. 구멍: {count}개",
    "features.steps.skeleton": "3. 골격",
    "features.steps.scanlines": "4. 주사선",
    "features.table.header": "분류기가 보는 특징값",
    "features.table.caption": (
        "**holes** = 고리(구멍), **endpoints** = 획의 끝점, **junctions** = 가지 세 개 이상이 "
        "만나는 분기점, **strokes** = 골격의 가지 수; *_y = 숫자의 맨 위(0)부터 맨 아래(1)까지로 잰 "
        "위치; holes_top/middle/bottom = 숫자 높이를 셋으로 나눈 위·가운데·아래에 있는 구멍 수; "
        "h_cross/v_cross = 주사선이 잉크를 지나는 횟수; zone_rc = 숫자 위에 놓은 3x3 격자의 각 "
        "칸에서 잉크가 차지하는 비율."
    ),
    "features.table.feature": "특징",
    "features.table.value": "값",
    "features.predict.header": "손으로 만든 두 분류기의 판단",
    "features.predict.rules": "교사가 읽을 수 있는 규칙",
    "features.predict.linear": "특징값으로 판단하는 선형 분류기",
    "features.predict.says": "답: **{digit}**",
    "features.predict.abstains": "판단 보류: 맞는 규칙이 없음",
    "features.predict.path": "차례대로 던진 질문:",
    "features.predict.yes": "예",
    "features.predict.no": "아니요",
    "features.predict.linear_caption": (
        "로지스틱 회귀: 특징값마다 표준화한 뒤 클래스별로 학습한 가중치를 곱해 더합니다. 이렇게 "
        "나온 합 열 개를 소프트맥스가 확률로 바꿉니다. CNN과 같은 루프인 `explainer.train.fit`으로 "
        "학습했습니다."
    ),
    "features.code.header": "실제로 실행된 코드",
    "features.code.rules": "규칙: 실제로 실행된 코드",
    "features.all.header": "테스트 숫자 {n}개 전체 결과",
    "features.all.caption": (
        "정확도를 셀 때 판단 보류는 틀린 것으로 칩니다. 혼동 행렬은 실제 숫자(행)마다 분류기가 "
        "무엇이라고 답했는지(열) 보여 줍니다."
    ),
    "features.all.rules_accuracy": "규칙: 정확도",
    "features.all.rules_abstain": "규칙: 판단 보류",
    "features.all.linear_accuracy": "선형: 정확도",
    "features.all.distribution": "숫자별 특징값",
    "features.all.feature": "숫자끼리 비교할 특징",
    "features.all.confusion_rules": "규칙: 혼동 행렬",
    "features.all.confusion_linear": "선형 분류기: 혼동 행렬",
    "features.all.true": "실제 숫자",
    "features.all.predicted": "예측",
    "features.all.abstain": "?",
    "features.all.share": "해당 숫자 중 비율",
    "rules.header": "규칙",
    "rules.two_loops": "고리(4픽셀 이상인 구멍)가 두 개 이상인가?",
    "rules.one_loop": "고리가 정확히 하나인가?",
    "rules.big_closed_loop": "고리가 크고(40픽셀 이상) 획의 끝점이 하나 이하인가?",
    "rules.loop_low": "고리가 아래쪽에 있는가(중심이 숫자의 아래 40% 안)?",
    "rules.loop_high": "고리가 위쪽에 있는가(중심이 위 45% 안)?",
    "rules.end_at_bottom": "아래 절반에서 끝나는 획이 있는가?",
    "rules.end_at_top": "위 절반에서 끝나는 획이 있고, 아래에는 없는가?",
    "rules.tall_thin": "세로로 길고 가는가(높이가 너비의 두 배 이상)?",
    "rules.one_line": "획이 하나이고, 가운데 가로선과 세로선이 각각 한 번만 지나며, 위에 가로 막대가 없는가?",
    "rules.three_bars": "가운데를 지나는 세로선이 잉크를 세 번 지나는가?",
    "rules.ends_left": "획의 끝점이 모두 왼쪽 절반에 있는가?",
    "rules.three_ends": "획의 끝점이 셋 이상이고 분기점이 있는가?",
    "rules.foot_right": "오른쪽 아래 구석에 잉크가 있고, 왼쪽 위에는 거의 없는가?",
    "rules.open_top": "위쪽 절반에서 두 획이 나란하고, 위가 열려 있는가?",
    "rules.bottom_bar": "아래쪽을 가로지르는 잉크가 있고, 거기서 끝나는 획이 있는가?",
    "rules.top_bar": "위쪽에 가로 막대가 있고, 아래쪽 구석 하나가 비어 있는가?",
    "rules.crossed_twice": "가운데 가로선과 세로선이 모두 잉크를 정확히 두 번 지나는가?",
    "features.pick.draw_steps": (
        "마우스나 손가락으로 숫자 하나를 크게, 가운데에 그리세요. 다 그렸으면 **이 숫자로 보기**를 "
        "누르세요. 그때 답을 보여 주므로, 두 획으로 쓰는 숫자도 다 그린 뒤에 판단합니다. "
        "**새 숫자**를 누르면 그림판이 지워집니다."
    ),
    "features.pick.use_drawing": "이 숫자로 보기",
    "features.pick.new_drawing": "새 숫자",
    "features.pick.draw_empty": (
        "그림판이 비어 있습니다. 먼저 숫자를 그린 다음 **이 숫자로 보기**를 누르세요. 지금 보고 "
        "있는 숫자는 그대로 둡니다."
    ),
    "features.pick.draw_bad": (
        "이 그림은 숫자로 쓸 수 없어서 지금 보고 있는 숫자를 그대로 둡니다. 이유:"
    ),
    "features.pick.draw_pending": (
        "아직 반영되지 않았습니다. **이 숫자로 보기**를 누르면 분류기들이 어떻게 답하는지 볼 수 "
        "있습니다."
    ),
    "features.pick.draw_kept": (
        "마지막으로 그린 숫자를 그대로 쓰고 있습니다. 바꾸려면 새로 그리고 **이 숫자로 보기**를 "
        "누르세요."
    ),
    "features.pick.draw_waiting": "**이 숫자로 보기**를 누르기 전까지는 지금 숫자를 계속 보여 줍니다.",
    "features.pick.your_drawing": "내가 그린 숫자",
    "features.pick.mnist_version": "28x28로 바꾼 모습",
    "features.pick.chosen_draw": (
        "**내가 그린 숫자**를 보고 있습니다. MNIST 방식으로 28x28 픽셀로 바꾸었습니다. 다른 숫자를 "
        "고를 때까지 이 페이지와 다른 페이지에서 계속 이 숫자를 씁니다."
    ),
    "features.pick.chosen_upload": (
        "**올린 이미지**를 보고 있습니다. MNIST 방식으로 28x28 픽셀로 바꾸었습니다. 다른 숫자를 "
        "고를 때까지 이 페이지와 다른 페이지에서 계속 이 숫자를 씁니다."
    ),
    "features.loops.header": "같은 특징, 평범한 파이썬 루프로",
    "features.loops.caption": (
        "위의 추출기가 빠른 것은 비트를 묶는 기법으로 텐서 전체를 한꺼번에 처리하기 때문인데, "
        "그만큼 읽기 어렵습니다. 아래는 사람이 처음 쓸 법한 버전입니다. 픽셀 위를 도는 파이썬 "
        "루프, 구멍을 찾는 플러드 필, 끝점과 분기점을 찾는 이웃 세기, 선을 따라 세는 교차 횟수로 "
        "이루어져 있습니다. 특징값은 완전히 같습니다(테스트가 번들 숫자 5,000개 전부를 "
        "확인합니다). 같은 테스트 숫자 {n}개로 두 버전의 시간을 재 보세요."
    ),
    "features.loops.code": "읽기 쉬운 버전, 단계별 코드: explainer/features_loops.py",
    "features.loops.run": "두 버전 시간 재기",
    "features.loops.result": (
        "파이썬 루프: **{loops:.2f}초**. 텐서: **{tensors:.3f}초**. 같은 숫자 {n}개, 같은 "
        "특징값인가: **{equal}**."
    ),
    "features.loops.slower": (
        "답은 같은데 루프가 **{ratio:.0f}배** 오래 걸렸습니다. 텐서는 한 가지 타입의 수가 모인 "
        "덩어리여서 연산 하나가 컴파일된 코드로 전체를 훑습니다. 루프는 파이썬 객체를 하나씩 "
        "다루고, 인터프리터는 객체마다 타입을 확인합니다."
    ),
    "features.loops.close": (
        "이번에는 루프가 {ratio:.1f}배 오래 걸리는 데 그쳤습니다. 컴퓨터가 바쁜 것 같습니다. "
        "버튼을 다시 눌러 다시 재 보세요."
    ),
}
