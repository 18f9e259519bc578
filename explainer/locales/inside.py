"""Strings of the "Inside the CNN" page (filters, their replay, feature maps)."""

EN = {
    "inside.title": "Inside the CNN",
    "inside.intro": (
        "What did the network learn? Its first layer is a set of small filters, 5x5 grids of "
        "weights slid over the image. Nobody designed them: they started as random numbers and "
        "training shaped them into edge and stroke detectors, much like the kernels people used "
        "to engineer by hand. Compare them, replay how they formed, and see what each layer "
        "makes of one digit."
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
        "Sobel x and y find vertical and horizontal edges, the Laplacian finds spots and curves, "
        "the blob blurs. Feature engineering meant choosing filters like these by hand."
    ),
    "inside.chart.weight": "weight",
    "inside.replay.header": "From noise to detectors: replay the training",
    "inside.replay.slider": "Optimizer step",
    "inside.replay.caption": (
        "The first-layer filters after {step} of {last} steps ({source}). Slide from 0 to watch "
        "random noise turn into edge and stroke detectors. The colour scale is the same at every "
        "step."
    ),
    "inside.replay.mine": "your run on “Watch it learn”",
    "inside.replay.pretrained": "the recorded training of the pretrained model",
    "inside.replay.none": (
        "There is no recorded training to replay yet. Train a model on “Watch it learn” (a few "
        "seconds are enough), then come back: the slider replays how its filters formed."
    ),
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
        "신경망은 무엇을 학습했을까요? 첫 층은 작은 필터 여러 개로 이루어져 있습니다. 필터 하나는 "
        "5x5 가중치 격자로, 이미지 위를 미끄러지며 합성곱(컨볼루션)을 계산합니다. 이 필터는 아무도 "
        "설계하지 않았습니다. 난수에서 출발한 필터를 학습이 에지와 획 검출기로 다듬었고, 그 모습은 "
        "사람들이 예전에 손으로 설계하던 커널과 많이 닮았습니다. 둘을 비교하고, 필터가 만들어진 "
        "과정을 다시 재생해 보고, 각 층이 숫자 하나를 어떻게 보는지 살펴보세요."
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
        "Sobel x와 y는 각각 세로 에지와 가로 에지를, 라플라시안은 점과 곡선을 찾고, 덩어리(blob) "
        "커널은 이미지를 흐리게 합니다. 특징 공학은 이런 필터를 사람이 직접 고르는 일이었습니다."
    ),
    "inside.chart.weight": "가중치",
    "inside.replay.header": "잡음에서 검출기로: 학습 다시 보기",
    "inside.replay.slider": "옵티마이저 스텝",
    "inside.replay.caption": (
        "{last} 스텝 중 {step} 스텝 후의 첫 층 필터({source}). 0부터 밀어 보면 무작위 잡음이 "
        "에지와 획 검출기로 바뀌는 모습이 보입니다. 색 눈금은 모든 스텝에서 같습니다."
    ),
    "inside.replay.mine": "“학습 과정 보기”에서 내가 돌린 학습",
    "inside.replay.pretrained": "사전 학습 모델을 학습할 때 남긴 기록",
    "inside.replay.none": (
        "아직 다시 볼 학습 기록이 없습니다. “학습 과정 보기”에서 모델을 학습한 뒤(몇 초면 "
        "충분합니다) 돌아오면, 슬라이더가 필터가 만들어진 과정을 다시 보여 줍니다."
    ),
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
