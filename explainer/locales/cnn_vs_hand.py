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
    "cnn_vs_hand.sweep.header": "More data: how does accuracy grow?",
    "cnn_vs_hand.sweep.method.runs": (
        "Each line is the mean of {runs} runs per size: every run draws its own random subset of "
        "the training digits and its own starting weights, and the shaded band spans the lowest "
        "to the highest run (the dots)."
    ),
    "cnn_vs_hand.sweep.method.one": (
        "Each point is a single run (one seed), so there is no spread between runs to show."
    ),
    "cnn_vs_hand.sweep.method.steps": (
        "Both learners take {steps} optimizer steps at every size (a small set is gone through "
        "many times), with the same loop, and are scored on the same test digits."
    ),
    "cnn_vs_hand.sweep.cross.always": (
        "The CNN's mean is higher than the linear classifier's at every size, from {size} digits "
        "up ({cnn_at:.1%} vs {linear_at:.1%} there)."
    ),
    "cnn_vs_hand.sweep.cross.from": (
        "With {first} digits the linear classifier on hand features scores {linear:.1%} and the "
        "CNN {cnn:.1%}; from {size} digits on, the CNN's mean is higher at every size "
        "({cnn_at:.1%} vs {linear_at:.1%} at {size} digits)."
    ),
    "cnn_vs_hand.sweep.cross.overlap": (
        "At {size} digits the two learners' runs still overlap, so the lead there is within chance."
    ),
    "cnn_vs_hand.sweep.cross.clear_from": (
        "From {size} digits on, every CNN run scores higher than every linear run."
    ),
    "cnn_vs_hand.sweep.cross.never": (
        "The CNN's mean is not higher than the linear classifier's at any size up to {last} digits "
        "({cnn:.1%} vs {linear:.1%} at {last} digits)."
    ),
    "cnn_vs_hand.sweep.cross.not_last": (
        "The CNN's mean is higher at {sizes} digits, but not at the largest size, {last} digits "
        "({cnn:.1%} vs {linear:.1%})."
    ),
    "cnn_vs_hand.sweep.trend.rising": (
        "**{learner}**: from {before} to {after} digits the mean rises by {gain:.1f} points, more "
        "than the spread between runs ({spread:.1f} points), so it is still improving there."
    ),
    "cnn_vs_hand.sweep.trend.flat": (
        "**{learner}**: from {before} to {after} digits the mean changes by {gain:+.1f} points, "
        "within the spread between runs ({spread:.1f} points): no clear gain there."
    ),
    "cnn_vs_hand.sweep.trend.falling": (
        "**{learner}**: from {before} to {after} digits the mean drops by {drop:.1f} points, more "
        "than the spread between runs ({spread:.1f} points)."
    ),
    "cnn_vs_hand.sweep.trend.single": (
        "**{learner}**: from {before} to {after} digits the mean changes by {gain:+.1f} points; "
        "with one run per size there is no spread to tell that from chance."
    ),
    "cnn_vs_hand.sweep.x": "training digits (log scale)",
    "cnn_vs_hand.sweep.y": "test accuracy",
    "cnn_vs_hand.sweep.shipped": (
        "Precomputed with `python -m explainer sweep` ({runs} runs, {minutes:.0f} min of "
        "training when it was made) and shipped."
    ),
    "cnn_vs_hand.sweep.fresh": (
        "Recomputed on this machine just now, with fewer runs than the shipped sweep: seeds "
        "{seeds} at {sizes} digits ({seconds:.0f} s)."
    ),
    "cnn_vs_hand.sweep.rerun": "Recompute a smaller sweep here",
    "cnn_vs_hand.sweep.rerun.help": (
        "Seeds {seeds} at {sizes} digits: {runs} runs instead of the shipped {shipped}. These "
        "runs took {minutes:.0f} min when the shipped sweep was made; here it depends on how busy "
        "the server is."
    ),
    "cnn_vs_hand.sweep.waiting": "Other runs are training on this server right now: this one starts as soon as a slot is free.",
    "cnn_vs_hand.sweep.progress": "{learner} on {size} digits, seed {seed}: {accuracy:.1%}",
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
    "cnn_vs_hand.sweep.header": "데이터가 많아지면 정확도는 어떻게 달라질까?",
    "cnn_vs_hand.sweep.method.runs": (
        "각 선은 크기마다 {runs}번 실행한 결과의 평균입니다. 실행마다 학습용 숫자에서 무작위 "
        "부분집합과 초기 가중치를 따로 뽑으며, 색칠한 띠는 가장 낮은 실행부터 가장 높은 "
        "실행(점)까지의 범위입니다."
    ),
    "cnn_vs_hand.sweep.method.one": (
        "각 점은 한 번(시드 하나)만 실행한 결과라서, 실행 사이의 편차는 보여 줄 수 없습니다."
    ),
    "cnn_vs_hand.sweep.method.steps": (
        "두 학습기 모두 크기와 상관없이 같은 루프로 옵티마이저 스텝을 {steps}번 밟고(작은 "
        "데이터는 여러 번 반복해서 봅니다), 같은 테스트 숫자로 평가합니다."
    ),
    "cnn_vs_hand.sweep.cross.always": (
        "숫자 {size}개부터 모든 크기에서 CNN의 평균이 선형 분류기보다 높습니다(그 크기에서 "
        "{cnn_at:.1%} 대 {linear_at:.1%})."
    ),
    "cnn_vs_hand.sweep.cross.from": (
        "숫자가 {first}개일 때 손으로 만든 특징 위의 선형 분류기는 {linear:.1%}, CNN은 "
        "{cnn:.1%}입니다. 숫자 {size}개부터는 모든 크기에서 CNN의 평균이 더 높습니다"
        "(숫자 {size}개에서 {cnn_at:.1%} 대 {linear_at:.1%})."
    ),
    "cnn_vs_hand.sweep.cross.overlap": (
        "다만 숫자 {size}개에서는 두 학습기의 실행 결과 범위가 아직 겹치므로, 그 차이는 우연의 "
        "범위 안에 있습니다."
    ),
    "cnn_vs_hand.sweep.cross.clear_from": (
        "숫자 {size}개부터는 CNN의 모든 실행이 선형 분류기의 모든 실행보다 높습니다."
    ),
    "cnn_vs_hand.sweep.cross.never": (
        "숫자 {last}개까지 어느 크기에서도 CNN의 평균이 선형 분류기보다 높지 않습니다"
        "(숫자 {last}개에서 {cnn:.1%} 대 {linear:.1%})."
    ),
    "cnn_vs_hand.sweep.cross.not_last": (
        "CNN의 평균은 숫자 {sizes}개에서 더 높지만, 가장 큰 크기인 숫자 {last}개에서는 더 높지 "
        "않습니다({cnn:.1%} 대 {linear:.1%})."
    ),
    "cnn_vs_hand.sweep.trend.rising": (
        "**{learner}**: 숫자 {before}개에서 {after}개로 늘 때 평균이 {gain:.1f}%p 올라, 실행 "
        "사이의 편차({spread:.1f}%p)보다 큽니다. 이 구간에서는 아직 좋아지고 있습니다."
    ),
    "cnn_vs_hand.sweep.trend.flat": (
        "**{learner}**: 숫자 {before}개에서 {after}개로 늘 때 평균 변화는 {gain:+.1f}%p로, 실행 "
        "사이의 편차({spread:.1f}%p) 안에 있습니다. 이 구간에서 뚜렷한 향상은 없습니다."
    ),
    "cnn_vs_hand.sweep.trend.falling": (
        "**{learner}**: 숫자 {before}개에서 {after}개로 늘 때 평균이 {drop:.1f}%p 떨어져, 실행 "
        "사이의 편차({spread:.1f}%p)보다 큽니다."
    ),
    "cnn_vs_hand.sweep.trend.single": (
        "**{learner}**: 숫자 {before}개에서 {after}개로 늘 때 평균 변화는 {gain:+.1f}%p입니다. "
        "크기마다 한 번만 실행했으므로, 이것이 우연인지 가릴 편차가 없습니다."
    ),
    "cnn_vs_hand.sweep.x": "학습용 숫자 수 (로그 눈금)",
    "cnn_vs_hand.sweep.y": "테스트 정확도",
    "cnn_vs_hand.sweep.shipped": (
        "`python -m explainer sweep`으로 미리 계산해 앱에 넣은 결과입니다(실행 {runs}번, 만들 "
        "때 학습 시간 {minutes:.0f}분)."
    ),
    "cnn_vs_hand.sweep.fresh": (
        "방금 이 컴퓨터에서 함께 제공된 결과보다 적게 실행해 다시 계산했습니다: 시드 {seeds}, "
        "숫자 {sizes}개 ({seconds:.0f}초)."
    ),
    "cnn_vs_hand.sweep.rerun": "여기서 더 작은 규모로 다시 계산하기",
    "cnn_vs_hand.sweep.rerun.help": (
        "시드 {seeds}, 숫자 {sizes}개로 {runs}번 실행합니다(제공된 결과는 {shipped}번). 제공된 "
        "결과를 만들 때 이 실행들은 {minutes:.0f}분 걸렸고, 여기서는 서버가 얼마나 바쁜지에 "
        "따라 달라집니다."
    ),
    "cnn_vs_hand.sweep.waiting": "지금 이 서버에서 다른 학습이 진행 중입니다. 자리가 나는 대로 바로 시작합니다.",
    "cnn_vs_hand.sweep.progress": "{learner}, 숫자 {size}개, 시드 {seed}: {accuracy:.1%}",
    "cnn_vs_hand.sweep.missing": "미리 계산한 결과가 없습니다. 이유:",
}
