"""Strings of the "Inside the CNN" page (filters, their replay, feature maps)."""

EN = {
    "inside.title": "Inside the CNN",
    "inside.intro": (
        "What did the network learn? Its first layer is a set of small filters, grids of weights "
        "slid over the image. Nobody designed them: they started as random numbers, and training "
        "adjusted them. Compare them with the kernels people used to design by hand, measure how "
        "far training moved them from their random start, and see what each layer makes of one "
        "digit."
    ),
    "inside.model": "Model to look inside",
    "inside.model.pretrained": "the shipped pretrained model",
    "inside.model.mine": "the model I trained on “Watch it learn”",
    "inside.no_model": "The pretrained model is not available: {error}",
    "inside.filters.header": "Learned filters beside hand-designed kernels",
    "inside.filters.caption": (
        "Red is a positive weight, blue a negative one, white zero; each figure uses one "
        "symmetric scale for all its filters. A filter with red on one side and blue on the other responds to an edge: "
        "compare the learned ones with Sobel, the classic hand-made edge detector."
    ),
    "inside.filters.learned": "Learned: the first conv layer ({count} filters of {size}x{size})",
    "inside.filters.hand": "Hand-designed kernels (3x3)",
    "inside.filters.hand_caption": (
        "Sobel x and y respond to vertical and horizontal edges. The Laplacian is a second "
        "derivative: it responds to spots, thin lines and edges. The blur is a Gaussian-like "
        "smoothing: it detects nothing, it averages neighbouring pixels. Feature engineering "
        "meant choosing filters like these by hand."
    ),
    "inside.chart.weight": "weight",
    "inside.kernel.sobel_x": "Sobel x",
    "inside.kernel.sobel_y": "Sobel y",
    "inside.kernel.laplacian": "Laplacian",
    "inside.kernel.blob": "blur",
    "inside.replay.header": "Replay the training: how far did the filters move?",
    "inside.replay.slider": "Optimizer step",
    "inside.replay.caption": (
        "The first-layer filters after {step} of {last} steps ({source}). The colour scale is the "
        "same at every step: slide to compare any step with the start."
    ),
    "inside.replay.mine": "your run on “Watch it learn”",
    "inside.replay.pretrained": "the recorded training of the pretrained model",
    "inside.replay.none": (
        "There is no recorded training to replay yet. Train a model on “Watch it learn” (a few "
        "seconds are enough), then come back: the slider replays how its filters changed."
    ),
    "inside.replay.measured": "Measured from step 0 to step {last}",
    "inside.replay.moved.none": (
        "From step 0 to step {last} the filters did not change at all: every filter's cosine "
        "similarity with its start is 1."
    ),
    "inside.replay.moved.range": (
        "From step 0 to step {last}, each filter's cosine similarity with its own start lies "
        "between {cos_lo:.2f} and {cos_hi:.2f} (1: the same pattern, 0: unrelated). Their "
        "weights moved by {chg_lo:.0%} to {chg_hi:.0%} of their starting size, and each filter is "
        "now {scale_lo:.2f} to {scale_hi:.2f} times as large as it was."
    ),
    "inside.replay.moved.kept_all": (
        "Every filter kept most of its starting pattern (cosine at least {kept}): training "
        "adjusted the filters rather than replacing them, so most of what each one responds to "
        "was already in its start."
    ),
    "inside.replay.moved.kept_some": (
        "{count} of {total} filters kept most of their starting pattern (cosine at least "
        "{kept}). These changed more: {filters}."
    ),
    "inside.replay.moved.new": "Mostly new patterns (cosine below {moved}): filters {filters}.",
    "inside.replay.match.intro": (
        "Likeness to the hand-made detectors (the best |cosine| with Sobel x, Sobel y or the "
        "Laplacian, placed anywhere in the {size}x{size} filter): {start:.2f} on average at step "
        "0, {end:.2f} at step {last}."
    ),
    "inside.replay.match.closer": (
        "{count} of {total} filters came closer to one by more than {closer}: {filters}."
    ),
    "inside.replay.match.none": (
        "No filter looks like one of them, at the start or at the end (none reaches {like})."
    ),
    "inside.replay.match.some": (
        "At the end {end_count} of {total} filters look like one of them (|cosine| at least "
        "{like}); at the start, {start_count} did."
    ),
    "inside.replay.chart.moved": "How far each filter moved from its start",
    "inside.replay.chart.match": "Best match with a hand-made detector (|cosine|)",
    "inside.replay.chart.cosine": "cosine with its start",
    "inside.replay.chart.change": "relative change",
    "inside.replay.chart.start": "at step 0",
    "inside.replay.chart.end": "at step {last}",
    "inside.replay.chart.filter": "filter",
    "inside.replay.table": "The numbers, per filter",
    "inside.replay.column.filter": "filter",
    "inside.replay.column.cosine": "cosine with start",
    "inside.replay.column.change": "relative change",
    "inside.replay.column.scale": "size now / at start",
    "inside.replay.column.match_start": "best match at step 0",
    "inside.replay.column.kernel_start": "closest kernel at step 0",
    "inside.replay.column.match_end": "best match at the end",
    "inside.replay.column.kernel_end": "closest kernel at the end",
    "inside.replay.link": "Train one on “Watch it learn”",
    "inside.maps.header": "Feature maps: what each layer sees in one digit",
    "inside.maps.pick": "Test digit number",
    "inside.maps.digit": (
        "Test digit {index} is a **{label}**; the model says **{pred}** ({prob:.0%} sure)."
    ),
    "inside.maps.caption": (
        "Each filter slid over the digit gives one feature map (brighter: stronger response, "
        "after ReLU). conv1 works on the pixels; conv2 combines conv1's maps into larger "
        "patterns. Framed with ★: the filters that respond most."
    ),
    "inside.maps.layer": "{layer}: {channels} maps of {side}x{side}",
    "inside.maps.top": "Responding most in {layer}: {filters}",
    "inside.maps.filter": "filter {index} ({value:.2f})",
}

KO = {
    "inside.title": "CNN의 내부",
    "inside.intro": (
        "신경망은 무엇을 배웠을까요? 첫 합성곱(컨볼루션) 층은 이미지 위를 미끄러지는 작은 필터, 즉 가중치 "
        "격자들의 모음입니다. 아무도 이것을 설계하지 않았습니다. 난수에서 출발했고, 학습이 "
        "그 값을 조금씩 고쳤습니다. 사람들이 손으로 설계하던 커널과 비교하고, 학습이 필터를 "
        "처음의 난수에서 얼마나 옮겨 놓았는지 재어 보고, 각 층이 숫자 하나를 어떻게 보는지 "
        "살펴보세요."
    ),
    "inside.model": "들여다볼 모델",
    "inside.model.pretrained": "함께 제공된 사전 학습 모델",
    "inside.model.mine": "“학습 과정 보기”에서 내가 학습한 모델",
    "inside.no_model": "사전 학습 모델을 쓸 수 없습니다: {error}",
    "inside.filters.header": "학습된 필터와 손으로 설계한 커널",
    "inside.filters.caption": (
        "빨강은 양수 가중치, 파랑은 음수, 흰색은 0입니다. 한 그림 안의 필터는 모두 0을 가운데에 둔 "
        "같은 색 눈금을 씁니다. 한쪽이 빨갛고 반대쪽이 파란 필터는 에지에 반응합니다. 학습된 필터를 "
        "손으로 만든 고전적인 에지 검출기인 Sobel 필터와 비교해 보세요."
    ),
    "inside.filters.learned": "학습된 필터: 첫 합성곱 층({size}x{size} 필터 {count}개)",
    "inside.filters.hand": "손으로 설계한 커널 (3x3)",
    "inside.filters.hand_caption": (
        "Sobel x와 y는 세로 에지와 가로 에지에 반응합니다. 라플라시안은 2차 미분 필터로, "
        "점, 가는 선, 에지에 반응합니다. 블러는 가우시안과 비슷한 평활화 필터로, 무언가를 "
        "검출하지 않고 이웃 픽셀을 평균할 뿐입니다. 특징 공학이란 이런 필터를 손으로 고르는 "
        "일이었습니다."
    ),
    "inside.chart.weight": "가중치",
    "inside.kernel.sobel_x": "Sobel x",
    "inside.kernel.sobel_y": "Sobel y",
    "inside.kernel.laplacian": "라플라시안",
    "inside.kernel.blob": "블러",
    "inside.replay.header": "학습 다시 보기: 필터는 얼마나 움직였을까?",
    "inside.replay.slider": "옵티마이저 스텝",
    "inside.replay.caption": (
        "{last} 스텝 중 {step} 스텝 후의 첫 층 필터({source}). 색 눈금은 모든 스텝에서 "
        "같으니, 슬라이더를 움직여 어느 스텝이든 시작과 비교해 보세요."
    ),
    "inside.replay.mine": "“학습 과정 보기”에서 내가 돌린 학습",
    "inside.replay.pretrained": "사전 학습 모델을 학습할 때 남긴 기록",
    "inside.replay.none": (
        "아직 다시 볼 학습 기록이 없습니다. “학습 과정 보기”에서 모델을 학습한 뒤(몇 초면 "
        "충분합니다) 돌아오면, 슬라이더가 필터가 바뀐 과정을 다시 보여 줍니다."
    ),
    "inside.replay.measured": "0 스텝에서 {last} 스텝까지 잰 값",
    "inside.replay.moved.none": (
        "0 스텝에서 {last} 스텝까지 필터가 전혀 바뀌지 않았습니다. 모든 필터의 시작과의 코사인 "
        "유사도가 1입니다."
    ),
    "inside.replay.moved.range": (
        "0 스텝에서 {last} 스텝까지, 각 필터와 자기 시작 상태의 코사인 유사도는 {cos_lo:.2f}에서 "
        "{cos_hi:.2f} 사이입니다(1: 같은 패턴, 0: 무관). 가중치는 시작 크기의 {chg_lo:.0%}에서 "
        "{chg_hi:.0%}만큼 움직였고, 필터의 크기는 시작할 때의 {scale_lo:.2f}배에서 "
        "{scale_hi:.2f}배가 되었습니다."
    ),
    "inside.replay.moved.kept_all": (
        "모든 필터가 시작 패턴의 대부분을 유지했습니다(코사인 {kept} 이상). 학습은 필터를 "
        "새로 만들기보다 조금씩 고쳤고, 각 필터가 반응하는 대상은 대부분 처음부터 있던 "
        "것입니다."
    ),
    "inside.replay.moved.kept_some": (
        "필터 {total}개 중 {count}개가 시작 패턴의 대부분을 유지했습니다(코사인 {kept} 이상). "
        "더 많이 바뀐 필터: {filters}."
    ),
    "inside.replay.moved.new": "대부분 새로운 패턴이 된 필터(코사인 {moved} 미만): {filters}.",
    "inside.replay.match.intro": (
        "손으로 만든 검출기와 닮은 정도(Sobel x, Sobel y, 라플라시안을 {size}x{size} 필터 안 "
        "어디에 놓든 가장 큰 |코사인|)는 평균 0 스텝에서 {start:.2f}, {last} 스텝에서 "
        "{end:.2f}입니다."
    ),
    "inside.replay.match.closer": (
        "필터 {total}개 중 {count}개는 검출기와 닮은 정도가 {closer}보다 많이 올랐습니다: "
        "{filters}."
    ),
    "inside.replay.match.none": (
        "시작에서도 끝에서도 검출기와 닮은 필터는 없습니다({like}에 이르는 필터가 없음)."
    ),
    "inside.replay.match.some": (
        "끝에서는 필터 {total}개 중 {end_count}개가 검출기와 닮았고(|코사인| {like} 이상), "
        "시작에서는 {start_count}개였습니다."
    ),
    "inside.replay.chart.moved": "각 필터가 시작에서 움직인 정도",
    "inside.replay.chart.match": "손으로 만든 검출기와 가장 잘 맞는 정도 (|코사인|)",
    "inside.replay.chart.cosine": "시작과의 코사인",
    "inside.replay.chart.change": "상대 변화량",
    "inside.replay.chart.start": "0 스텝",
    "inside.replay.chart.end": "{last} 스텝",
    "inside.replay.chart.filter": "필터",
    "inside.replay.table": "필터별 수치",
    "inside.replay.column.filter": "필터",
    "inside.replay.column.cosine": "시작과의 코사인",
    "inside.replay.column.change": "상대 변화량",
    "inside.replay.column.scale": "지금 크기 / 시작 크기",
    "inside.replay.column.match_start": "0 스텝의 최고 일치",
    "inside.replay.column.kernel_start": "0 스텝에서 가장 닮은 커널",
    "inside.replay.column.match_end": "끝의 최고 일치",
    "inside.replay.column.kernel_end": "끝에서 가장 닮은 커널",
    "inside.replay.link": "“학습 과정 보기”에서 학습하기",
    "inside.maps.header": "특징 맵: 각 층이 숫자 하나에서 보는 것",
    "inside.maps.pick": "테스트 숫자 번호",
    "inside.maps.digit": (
        "테스트 숫자 {index}번의 레이블은 **{label}**, 모델의 답은 **{pred}**입니다(확신도 "
        "{prob:.0%})."
    ),
    "inside.maps.caption": (
        "필터 하나를 숫자 위로 미끄러뜨리면 특징 맵 하나가 나옵니다(ReLU를 거친 값으로, 밝을수록 "
        "반응이 강합니다). conv1은 픽셀을 다루고, conv2는 conv1의 맵들을 조합해 더 큰 패턴을 "
        "찾습니다. ★ 테두리: 가장 강하게 반응하는 필터."
    ),
    "inside.maps.layer": "{layer}: {side}x{side} 맵 {channels}개",
    "inside.maps.top": "{layer}에서 가장 강한 반응: {filters}",
    "inside.maps.filter": "필터 {index} ({value:.2f})",
}
